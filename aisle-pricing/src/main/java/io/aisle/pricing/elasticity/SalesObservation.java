package io.aisle.pricing.elasticity;

/**
 * One period of one product in one store: its shelf price, log units sold, whether it was on deal (in-store
 * promotion) or featured (advertised), and the competitors' price index (NaN when unknown).
 */
public record SalesObservation(String store, String product, int week, double price, double logUnits,
                               boolean deal, boolean feat, double competitorPrice) {
    public SalesObservation {
        if (store == null || product == null) throw new IllegalArgumentException("store and product are required");
        if (!(price > 0)) throw new IllegalArgumentException("price must be > 0, got " + price);
        if (!Double.isFinite(logUnits)) throw new IllegalArgumentException("log units must be finite");
    }

    String unit() { return store + "\u0000" + product; }
}
