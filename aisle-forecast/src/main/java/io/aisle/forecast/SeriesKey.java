package io.aisle.forecast;

import java.util.Objects;

/** Identifies one demand series: a SKU at a location. */
public record SeriesKey(String sku, String location) {
    public SeriesKey {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(location, "location");
    }

    @Override public String toString() { return sku + "@" + location; }
}
