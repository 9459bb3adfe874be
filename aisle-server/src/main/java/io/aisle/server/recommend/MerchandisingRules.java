package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.recommend.Surface;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The merchant's say over recommendations, applied after ranking on every surface.
 *
 * @param pins                     products placed at fixed positions (when available)
 * @param boosts                   score factors for products, categories or brands (below 1 buries)
 * @param repeatPurchaseCategories category path prefixes whose products may be recommended again soon after a purchase
 * @param recentlyBought           how long a bought product stays out of a shopper's lists
 * @param diversity                home feed: 0 ranks by score alone; towards 1, maximal marginal relevance favours
 *                                 categories not yet shown (the other surfaces are about one product or cart: none)
 * @param exploration              share of home-feed slots given to rarely shown products (rounded down)
 */
public record MerchandisingRules(List<Pin> pins, List<Boost> boosts, List<List<String>> repeatPurchaseCategories,
                                 Duration recentlyBought, double diversity, double exploration) {
    public static final int MAX_PINS = 100;
    public static final int MAX_BOOSTS = 500;
    public static final double MAX_EXPLORATION = 0.5;
    /** Surfaces a pin may name: each surface's kind, or {@code all}. */
    public static final Set<String> PIN_SURFACES = Set.of("home", "similar", "bought_together", "next", "all");

    public MerchandisingRules {
        pins = List.copyOf(pins);
        boosts = List.copyOf(boosts);
        repeatPurchaseCategories = repeatPurchaseCategories.stream().map(List::copyOf).toList();
        Objects.requireNonNull(recentlyBought, "recentlyBought");
        if (pins.size() > MAX_PINS) throw new IllegalArgumentException("pins: at most " + MAX_PINS);
        if (boosts.size() > MAX_BOOSTS) throw new IllegalArgumentException("boosts: at most " + MAX_BOOSTS);
        if (recentlyBought.isNegative()) throw new IllegalArgumentException("recentlyBought must not be negative");
        if (!(diversity >= 0 && diversity <= 1)) throw new IllegalArgumentException("diversity must be 0..1, got " + diversity);
        if (!(exploration >= 0 && exploration <= MAX_EXPLORATION)) {
            throw new IllegalArgumentException("exploration must be 0.." + MAX_EXPLORATION + ", got " + exploration);
        }
    }

    /** No pins or boosts, nothing repeat-purchase, bought products out for 30 days, diversity 0.3, 10% exploration. */
    public static MerchandisingRules defaults() {
        return new MerchandisingRules(List.of(), List.of(), List.of(), Duration.ofDays(30), 0.3, 0.1);
    }

    public MerchandisingRules withDiversity(double d) {
        return new MerchandisingRules(pins, boosts, repeatPurchaseCategories, recentlyBought, d, exploration);
    }

    public MerchandisingRules withExploration(double share) {
        return new MerchandisingRules(pins, boosts, repeatPurchaseCategories, recentlyBought, diversity, share);
    }

    /**
     * A product shown at a fixed place.
     *
     * @param surface  a surface kind or {@code all}
     * @param position 1-based
     */
    public record Pin(String surface, ProductId product, int position) {
        public Pin {
            Objects.requireNonNull(product, "product");
            if (!PIN_SURFACES.contains(surface)) throw new IllegalArgumentException("surface must be one of " + PIN_SURFACES);
            if (position < 1 || position > io.aisle.core.recommend.RecommendationRequest.MAX_LIMIT) {
                throw new IllegalArgumentException("position must be 1.." + io.aisle.core.recommend.RecommendationRequest.MAX_LIMIT);
            }
        }

        boolean appliesTo(Surface s) { return surface.equals("all") || surface.equals(s.kind()); }
    }

    /** Multiplies the score of what matches: exactly one of a product, a category path prefix or a brand. */
    public record Boost(ProductId product, List<String> category, String brand, double factor) {
        public Boost {
            category = category == null ? null : List.copyOf(category);
            int set = (product != null ? 1 : 0) + (category != null ? 1 : 0) + (brand != null ? 1 : 0);
            if (set != 1) throw new IllegalArgumentException("a boost names exactly one of product, category, brand");
            if (!(factor > 0 && factor <= 100)) throw new IllegalArgumentException("factor must be in (0, 100], got " + factor);
        }

        boolean matches(ProductId id, List<String> path, String itemBrand) {
            if (product != null) return product.equals(id);
            if (category != null) return startsWith(path, category);
            return itemBrand != null && itemBrand.toLowerCase(Locale.ROOT).equals(brand.toLowerCase(Locale.ROOT));
        }
    }

    /** Whether a product of this category may be recommended again soon after it was bought. */
    boolean repeatPurchase(List<String> path) {
        for (List<String> prefix : repeatPurchaseCategories) if (startsWith(path, prefix)) return true;
        return false;
    }

    static boolean startsWith(List<String> path, List<String> prefix) {
        if (prefix.isEmpty() || prefix.size() > path.size()) return false;
        for (int i = 0; i < prefix.size(); i++) if (!prefix.get(i).equalsIgnoreCase(path.get(i))) return false;
        return true;
    }
}
