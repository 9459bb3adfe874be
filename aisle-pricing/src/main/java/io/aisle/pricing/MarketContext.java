package io.aisle.pricing;

/**
 * What else moves demand in the period being priced: in-store deal, feature advertising, the calendar (as a log
 * lift) and the competitor's price (null when unknown: no cross-price effect applied).
 */
public record MarketContext(boolean deal, boolean feature, double seasonLog, Double competitorPrice) {
    public static final MarketContext NEUTRAL = new MarketContext(false, false, 0, null);
}
