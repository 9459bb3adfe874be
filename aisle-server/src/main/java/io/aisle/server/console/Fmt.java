package io.aisle.server.console;

import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.ShopperEvent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Pure formatting helpers the templates call. They return plain text; escaping is left to jte, which escapes every
 * {@code ${...}} for the HTML context it appears in.
 */
public final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Fmt() {}

    /** A price as a shopper reads it: "$19.99", "€5.00", or "19.99 CHF" where the symbol is the code itself. */
    public static String money(Money m) {
        if (m == null) return "";
        String symbol = Currency.getInstance(m.currency()).getSymbol(Locale.ENGLISH);
        return symbol.length() == 1 ? symbol + m.amount().toPlainString() : m.amount().toPlainString() + " " + m.currency();
    }

    /** A category path as breadcrumbs text. */
    public static String path(List<String> categoryPath) {
        return String.join(" › ", categoryPath);
    }

    /** UTC date and time to the second, for tables. */
    public static String time(Instant t) { return t == null ? "" : TIME.format(t); }

    /** UTC time of day to the millisecond, for the live feed where events are seconds apart. */
    public static String clock(Instant t) { return t == null ? "" : CLOCK.format(t); }

    /** "12 s ago", "3 min ago": how old something is relative to {@code now}. */
    public static String ago(Instant t, Instant now) {
        if (t == null) return "never";
        long s = Math.max(0, Duration.between(t, now).toSeconds());
        if (s < 60) return s + " s ago";
        if (s < 3600) return (s / 60) + " min ago";
        if (s < 86_400) return (s / 3600) + " h ago";
        return (s / 86_400) + " d ago";
    }

    /** The shopper id when known, else the anonymous id marked as such. */
    public static String actor(Actor a) {
        if (a.shopperId() != null) return a.shopperId().value();
        return "anon " + a.anonymousId().value();
    }

    /** Like {@link #actor} with long anonymous ids (UUIDs) cut to their first 8 characters, for narrow columns. */
    public static String shortActor(Actor a) {
        if (a.shopperId() != null) return a.shopperId().value();
        String id = a.anonymousId().value();
        return "anon " + (id.length() > 12 ? id.substring(0, 8) + "…" : id);
    }

    /** Whether the actor is only known by a device id. */
    public static boolean anonymous(Actor a) { return a.shopperId() == null; }

    /** "sku-1 ×2" for an item line. */
    public static String item(EventItem i) {
        return i.itemId().value() + (i.quantity() > 1 ? " ×" + i.quantity() : "");
    }

    /** The first {@code n} items of a long list (a listing view can name dozens). */
    public static List<EventItem> firstItems(List<EventItem> items, int n) {
        return items.size() <= n ? items : items.subList(0, n);
    }

    /** The event's extra fields in short "key value" form (query, filters, value, dwell, scroll, zoom, device). */
    public static List<String> details(ShopperEvent e) {
        List<String> out = new ArrayList<>();
        if (e.query() != null) out.add("query “" + e.query() + "”");
        if (!e.filters().isEmpty()) {
            out.add(e.filters().entrySet().stream().map(f -> f.getKey() + "=" + String.join("|", f.getValue()))
                    .collect(Collectors.joining(", ", "filters ", "")));
        }
        if (e.value() != null) out.add("value " + e.value().toPlainString() + (e.currency() == null ? "" : " " + e.currency()));
        if (e.dwellMs() != null) out.add("dwell " + e.dwellMs() + " ms");
        if (e.scrollPct() != null) out.add("scroll " + e.scrollPct() + "%");
        if (e.zoom() != null) out.add("zoom ×" + e.zoom());
        if (e.context().device() != null) out.add(e.context().device());
        return out;
    }

    /** An id as one URL path segment ("a b" becomes "a%20b"), so catalogue ids with spaces or '%' link correctly. */
    public static String seg(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An id as a URL query value. */
    public static String q(String value) { return URLEncoder.encode(value, StandardCharsets.UTF_8); }

    /** The product's first image, or its generated placeholder. */
    public static String image(Product p) {
        return p.images().isEmpty() ? "/demo-images/" + seg(p.id().value()) + ".svg" : p.images().get(0);
    }

    /** Stock as "12" or "12 (3 locations)". */
    public static String stock(Product p) {
        int total = p.totalStock();
        return p.stock().size() > 1 ? total + " (" + p.stock().size() + " locations)" : String.valueOf(total);
    }

    /** A whole number with thousands separators. */
    public static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
