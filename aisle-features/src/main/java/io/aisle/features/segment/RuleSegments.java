package io.aisle.features.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Segments by stated rules over a shopper's features (names from the standard
 * {@link io.aisle.features.feature.FeatureCatalog}): RFM tier, price sensitivity and new vs returning. Rules rather
 * than quantiles so a merchant can read and predict them; the thresholds are a record to tune.
 */
public final class RuleSegments {

    /**
     * The rules' thresholds.
     *
     * @param recentDays        a purchase within this many days is recent
     * @param lapsedDays        no purchase for longer than this is lapsed
     * @param loyalPurchases    this many purchases or more is a repeat customer
     * @param championSpend     lifetime spend from which a recent repeat customer is a champion
     * @param bargainPriceIndex viewed or bought prices at most this share of the category median mark a bargain hunter
     * @param bargainDiscountShare at least this share of purchases on discount marks a bargain hunter
     * @param premiumPriceIndex prices at least this share of the category median mark a premium shopper
     */
    public record Thresholds(double recentDays, double lapsedDays, double loyalPurchases, double championSpend,
                             double bargainPriceIndex, double bargainDiscountShare, double premiumPriceIndex) {
        public static Thresholds defaults() { return new Thresholds(30, 90, 3, 300, 0.85, 0.5, 1.2); }
    }

    private final Thresholds t;

    public RuleSegments(Thresholds thresholds) { this.t = thresholds; }

    /** The rule segments of a shopper with these feature values (absent or NaN values count as unknown). */
    public List<Segment> of(Map<String, Double> features) {
        List<Segment> out = new ArrayList<>(3);
        out.add(rfm(features));
        Segment price = price(features);
        if (price != null) out.add(price);
        out.add(lifecycle(features));
        return out;
    }

    private Segment rfm(Map<String, Double> f) {
        double purchases = value(f, "purchases_lifetime", 0);
        double days = value(f, "days_since_last_purchase", Double.POSITIVE_INFINITY);
        double spend = value(f, "spend_lifetime", 0);
        String when = Double.isInfinite(days) ? "" : String.format(" (last %.0f days ago)", days);
        if (purchases == 0) return rule("rfm", "browser", "has not bought yet");
        if (purchases >= t.loyalPurchases() && days <= t.recentDays() && spend >= t.championSpend()) {
            return rule("rfm", "champion", String.format("%.0f purchases, %.0f spent, bought recently%s", purchases, spend, when));
        }
        if (purchases >= t.loyalPurchases() && days <= t.lapsedDays()) {
            return rule("rfm", "loyal", String.format("%.0f purchases, still active%s", purchases, when));
        }
        if (purchases >= 2 && days > t.lapsedDays()) {
            return rule("rfm", "at_risk", String.format("bought %.0f times but not for %.0f days", purchases, days));
        }
        if (days <= t.recentDays()) return rule("rfm", "promising", String.format("first purchases, recent%s", when));
        return rule("rfm", "hibernating", String.format("%.0f purchase(s), none for %.0f days", purchases, days));
    }

    private Segment price(Map<String, Double> f) {
        double index = value(f, "price_index_purchased_lifetime", Double.NaN);
        String basis = "bought";
        if (Double.isNaN(index)) {
            index = value(f, "price_index_viewed_30d", Double.NaN);
            basis = "viewed";
        }
        double discounted = value(f, "discount_share_purchased_lifetime", Double.NaN);
        if (!Double.isNaN(discounted) && discounted >= t.bargainDiscountShare()) {
            return rule("price", "bargain_hunter", String.format("%.0f%% of purchases were on discount", 100 * discounted));
        }
        if (Double.isNaN(index)) return null;
        if (index <= t.bargainPriceIndex()) {
            return rule("price", "bargain_hunter", String.format("%s prices average %.0f%% of their category's median", basis, 100 * index));
        }
        if (index >= t.premiumPriceIndex()) {
            return rule("price", "premium", String.format("%s prices average %.0f%% of their category's median", basis, 100 * index));
        }
        return rule("price", "mainstream", String.format("%s prices average %.0f%% of their category's median", basis, 100 * index));
    }

    private static Segment lifecycle(Map<String, Double> f) {
        double sessions = value(f, "sessions_30d", 0);
        double purchases = value(f, "purchases_lifetime", 0);
        if (sessions <= 1 && purchases == 0) return rule("lifecycle", "new", "one visit so far and no purchase");
        return rule("lifecycle", "returning", String.format("%.0f session%s in 30 days, %.0f purchase%s", sessions,
                sessions == 1 ? "" : "s", purchases, purchases == 1 ? "" : "s"));
    }

    private static Segment rule(String family, String name, String why) {
        return new Segment(family, name, Segment.Kind.RULE, why);
    }

    private static double value(Map<String, Double> f, String name, double otherwise) {
        Double v = f.get(name);
        return v == null || v.isNaN() ? otherwise : v;
    }
}
