package io.aisle.features.feature;

import java.util.Collection;

/** Computes one feature's value at a time from an entity's state; the counterpart of {@link Updater}. */
sealed interface Reader {
    long DAY_MS = 86_400_000L;

    /**
     * @param values   the values of the entity's earlier features (for ratios)
     * @param siblings the states of the owning shopper's entities of the same kind, this one included (for shares)
     */
    double read(EntityState s, long at, double[] values, Collection<EntityState> siblings);

    /** Sum of a sliding window: the buckets from {@code floor(at, bucket) - length} on. */
    record SeriesSum(int series, long bucketMs, int buckets) implements Reader {
        @Override public double read(EntityState s, long at, double[] values, Collection<EntityState> siblings) {
            return BucketSeries.sumFrom(s.series[series], Math.floorDiv(at, bucketMs) - buckets);
        }
    }

    record ScalarValue(int scalar) implements Reader {
        @Override public double read(EntityState s, long at, double[] values, Collection<EntityState> siblings) {
            return s.cells[scalar];
        }
    }

    /** A decayed sum brought from its reference time to {@code at}. */
    record DecayedValue(int scalar, int time, double halfLifeMs) implements Reader {
        @Override public double read(EntityState s, long at, double[] values, Collection<EntityState> siblings) {
            double ref = s.cells[time];
            return ref == EntityState.NEVER ? 0 : s.cells[scalar] * Updater.decay(Math.max(0, at - (long) ref), halfLifeMs);
        }
    }

    /** One reader over another (an average: sum over count); NaN over zero. */
    record Quotient(Reader numerator, Reader denominator) implements Reader {
        @Override public double read(EntityState s, long at, double[] values, Collection<EntityState> siblings) {
            double d = denominator.read(s, at, values, siblings);
            return d == 0 ? Double.NaN : numerator.read(s, at, values, siblings) / d;
        }
    }

    /** Fractional days since a kept time; NaN when it never happened. */
    record DaysSince(int time) implements Reader {
        @Override public double read(EntityState s, long at, double[] values, Collection<EntityState> siblings) {
            double last = s.cells[time];
            return last == EntityState.NEVER ? Double.NaN : (double) (at - (long) last) / DAY_MS;
        }
    }

    /** Values of a distinct set seen from {@code floor(at, bucket) - length} on; every value for a lifetime count. */
    record DistinctCount(int set, long bucketMs, long lengthMs) implements Reader {
        @Override public double read(EntityState s, long at, double[] values, Collection<EntityState> siblings) {
            return RecentSet.countFrom(s.sets[set], bucketMs == 0 ? Long.MIN_VALUE : Math.floorDiv(at, bucketMs) * bucketMs - lengthMs);
        }
    }

    /** The ratio of two earlier features of the same entity; NaN when the denominator is 0 or either is NaN. */
    record FeatureRatio(int numerator, int denominator) implements Reader {
        @Override public double read(EntityState s, long at, double[] values, Collection<EntityState> siblings) {
            double d = values[denominator];
            return d == 0 ? Double.NaN : values[numerator] / d;
        }
    }

    /** {@code max(0, part)} over its sum across the siblings. */
    record ShareOf(Reader part) implements Reader {
        @Override public double read(EntityState s, long at, double[] values, Collection<EntityState> siblings) {
            double total = 0;
            for (EntityState sibling : siblings) total += Math.max(0, part.read(sibling, at, values, siblings));
            return total == 0 ? Double.NaN : Math.max(0, part.read(s, at, values, siblings)) / total;
        }
    }
}
