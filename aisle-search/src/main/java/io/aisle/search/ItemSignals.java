package io.aisle.search;

import io.aisle.core.catalog.ProductId;

/** Behavioural signals of products that the index does not hold; NaN when unknown. Thread-safe. */
public interface ItemSignals {
    /** log(1 + views in the last 30 days). */
    double popularity(ProductId id);

    /** Purchases per view over the last 30 days. */
    double conversion(ProductId id);

    /** Knows nothing about any product. */
    static ItemSignals none() {
        return new ItemSignals() {
            @Override public double popularity(ProductId id) { return Double.NaN; }

            @Override public double conversion(ProductId id) { return Double.NaN; }
        };
    }
}
