package io.aisle.simulator;

import io.aisle.core.catalog.ProductId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A price promotion: what it covers, when, and by how much; {@code trafficBoost} is how much more often shoppers
 * visit while it runs (1 for promotions that are not advertised site-wide).
 *
 * @param discount fraction taken off the price, e.g. 0.2 for 20% off
 */
public record Promotion(String id, String name, Instant start, Instant end, double discount, Scope scope,
                        double trafficBoost) {
    public Promotion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        if (!end.isAfter(start)) throw new IllegalArgumentException("promotion " + id + " ends before it starts");
        if (!(discount > 0 && discount < 1)) throw new IllegalArgumentException("discount must be in (0, 1), got " + discount);
    }

    /** Whether the promotion runs at {@code at} (start inclusive, end exclusive). */
    public boolean activeAt(Instant at) { return !at.isBefore(start) && at.isBefore(end); }

    /** What a promotion covers. */
    public sealed interface Scope {}

    /** Every product. */
    public record SiteWide() implements Scope {}

    /** Every product in these categories (keys as in {@link CatalogView#categories()}). */
    public record Categories(List<String> keys) implements Scope {
        public Categories { keys = List.copyOf(keys); }
    }

    /** These listable products and their variants. */
    public record Items(List<ProductId> ids) implements Scope {
        public Items { ids = List.copyOf(ids); }
    }
}
