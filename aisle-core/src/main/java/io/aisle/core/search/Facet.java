package io.aisle.core.search;

import java.util.List;

/** Counts of one facet's values over all matches (not just the page). */
public record Facet(String name, List<Value> values) {
    public Facet { values = List.copyOf(values); }

    /** One value and how many matching products have it. */
    public record Value(String value, long count) {}
}
