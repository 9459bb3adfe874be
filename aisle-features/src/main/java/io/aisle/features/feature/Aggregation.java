package io.aisle.features.feature;

import java.util.Objects;

/** How a feature turns events into a value. Sum, Avg, Last and Distinct keep state; Ratio and Share are read from other features. */
public sealed interface Aggregation {

    /** Counts the events (per entity): a {@link Sum} of {@link Measure#EVENTS}. */
    static Sum count() { return new Sum(Measure.EVENTS); }

    /** Whether the value is computed from other features at read time, with no state of its own. */
    default boolean derived() { return false; }

    /** The sum of a measure over the window. */
    record Sum(Measure measure) implements Aggregation {
        public Sum { Objects.requireNonNull(measure, "measure"); }
    }

    /** The mean of a measure over the window: its sum over the number of events (or lines) it applied to; NaN over none. */
    record Avg(Measure measure) implements Aggregation {
        public Avg { Objects.requireNonNull(measure, "measure"); }
    }

    /** Days since the entity's latest matching event (fractional); NaN when there was none. */
    record Last() implements Aggregation {}

    /**
     * Distinct values seen in the window, exact up to {@code bound} and {@code bound} beyond: the state keeps the
     * {@code bound} most recently seen values (64-bit hashes), so the count is {@code min(bound, distinct)}.
     */
    record Distinct(DistinctKey key, int bound) implements Aggregation {
        public Distinct {
            Objects.requireNonNull(key, "key");
            if (bound < 1 || bound > 4096) throw new IllegalArgumentException("distinct bound must be 1..4096, got " + bound);
        }
    }

    /** {@code numerator / denominator}, two earlier features of the same entity; NaN when the denominator is 0. */
    record Ratio(String numerator, String denominator) implements Aggregation {
        public Ratio {
            Objects.requireNonNull(numerator, "numerator");
            Objects.requireNonNull(denominator, "denominator");
        }

        @Override public boolean derived() { return true; }
    }

    /**
     * The entity's share of a stateful feature among the owning shopper's entities of the same kind (a category's
     * share of the shopper's categories): {@code max(0, part) / sum of max(0, part)}; in [0, 1], summing to 1 over
     * the shopper's categories, NaN when the shopper has nothing positive. Only for shopper-owned kinds.
     */
    record Share(String part) implements Aggregation {
        public Share { Objects.requireNonNull(part, "part"); }

        @Override public boolean derived() { return true; }
    }
}
