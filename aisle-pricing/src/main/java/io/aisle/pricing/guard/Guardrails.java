package io.aisle.pricing.guard;

import io.aisle.core.validation.ValidationException;
/**
 * The limits a recommended price must respect; a null field is not enforced. Fractions are 0..1 (0.1 = 10%).
 *
 * @param costFloor          never price below cost
 * @param minMargin          (price - cost) / price at least this
 * @param maxChange          |price / current - 1| at most this, per pricing period
 * @param minAdvertisedPrice the supplier's minimum advertised price (MAP)
 * @param competitorMin      price at least this multiple of the competitor's price
 * @param competitorMax      price at most this multiple of the competitor's price
 * @param minPrice           absolute lower bound
 * @param maxPrice           absolute upper bound
 * @param ladder             allowed price points or endings
 * @param promotion          the new price is announced as a reduction: under the EU Omnibus rule it must lie below the
 *                           lowest price of the previous 30 days, which becomes its reference price
 */
public record Guardrails(boolean costFloor, Double minMargin, Double maxChange, Double minAdvertisedPrice,
                         Double competitorMin, Double competitorMax, Double minPrice, Double maxPrice,
                         PriceLadder ladder, boolean promotion) {
    /** Only the cost floor. */
    public static final Guardrails COST_FLOOR_ONLY =
            new Guardrails(true, null, null, null, null, null, null, null, PriceLadder.ANY_CENT, false);

    public Guardrails {
        ladder = ladder == null ? PriceLadder.ANY_CENT : ladder;
        check("min_margin", minMargin, 0, 1, false);
        check("max_change", maxChange, 0, 10, true);
        positive("min_advertised_price", minAdvertisedPrice);
        positive("competitor_min", competitorMin);
        positive("competitor_max", competitorMax);
        positive("min_price", minPrice);
        positive("max_price", maxPrice);
        if (competitorMin != null && competitorMax != null && competitorMin > competitorMax)
            throw new ValidationException("guardrails.competitor_min", "(" + competitorMin
                    + ") must not exceed guardrails.competitor_max (" + competitorMax + ")");
    }

    private static void check(String field, Double v, double lo, double hi, boolean hiInclusive) {
        if (v == null) return;
        if (!Double.isFinite(v) || v < lo || (hiInclusive ? v > hi : v >= hi))
            throw new ValidationException("guardrails." + field, "must be in [" + lo + ", " + hi
                    + (hiInclusive ? "]" : ")") + ", got " + v);
    }

    private static void positive(String field, Double v) {
        if (v != null && (!Double.isFinite(v) || v <= 0))
            throw new ValidationException("guardrails." + field, "must be > 0, got " + v);
    }

    public Guardrails withMaxChange(Double value) {
        return new Guardrails(costFloor, minMargin, value, minAdvertisedPrice, competitorMin, competitorMax,
                minPrice, maxPrice, ladder, promotion);
    }
}
