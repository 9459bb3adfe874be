package io.aisle.server.recommend;

import io.aisle.core.recommend.Surface;

import java.util.List;

/** The short phrases shown with recommended items; one place so the wording stays consistent. */
final class Reasons {
    private static final int TITLE_CHARS = 60;

    private Reasons() {}

    /** Why an item related to an anchor is shown, in the surface's terms. */
    static String related(Surface surface, Anchor a) {
        String t = shorten(a.title());
        return switch (surface) {
            case Surface.Similar s -> "often viewed with " + t;
            case Surface.BoughtTogether b -> "often bought with " + t;
            case Surface.Home h -> because(a);
            case Surface.NextInSession n -> because(a);
        };
    }

    /** Why a vector neighbour of an anchor is shown. */
    static String alike(Surface surface, Anchor a) {
        return switch (surface) {
            case Surface.Similar s -> "similar to " + shorten(a.title());
            case Surface.BoughtTogether b -> "goes with " + shorten(a.title());
            case Surface.Home h -> because(a);
            case Surface.NextInSession n -> because(a);
        };
    }

    static String because(Anchor a) {
        String t = shorten(a.title());
        return switch (a.verb()) {
            case VIEWED -> "because you viewed " + t;
            case CARTED -> "because you added " + t + " to your cart";
            case BOUGHT -> "because you bought " + t;
        };
    }

    static String popularIn(List<String> path) { return path.isEmpty() ? "popular right now" : "popular in " + path.getLast(); }

    static final String TASTE = "picked for your taste";
    static final String TRENDING = "trending";
    static final String BESTSELLER = "bestseller";
    static final String NEW_ARRIVAL = "new arrival";
    static final String DISCOVER = "something new to discover";
    static final String FEATURED = "featured";

    private static String shorten(String title) {
        return title.length() <= TITLE_CHARS ? title : title.substring(0, TITLE_CHARS - 3).stripTrailing() + "...";
    }
}
