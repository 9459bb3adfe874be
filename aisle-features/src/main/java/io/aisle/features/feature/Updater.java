package io.aisle.features.feature;

/** One write an event makes to an entity's state; the closed set of state primitives. */
sealed interface Updater {

    void apply(EntityState s, Tally t);

    /** The value an additive updater adds: the measure's total, or how many values made it (for averages); NaN for nothing. */
    private static double amount(Tally t, Measure m, boolean countOnly) {
        int n = t.count(m);
        if (n == 0) return Double.NaN;
        return countOnly ? n : t.total(m);
    }

    /** Adds into the event's bucket of a sliding-window series. */
    record AddToSeries(int series, Measure measure, boolean countOnly, long bucketMs, int span) implements Updater {
        @Override public void apply(EntityState s, Tally t) {
            double v = amount(t, measure, countOnly);
            if (Double.isNaN(v) || v == 0) return; // zeros change no sum; skipping them keeps series sparse
            s.series[series] = BucketSeries.add(s.series[series], Math.floorDiv(t.time, bucketMs), v, span);
        }
    }

    /** Adds into a lifetime sum. */
    record AddToScalar(int scalar, Measure measure, boolean countOnly) implements Updater {
        @Override public void apply(EntityState s, Tally t) {
            double v = amount(t, measure, countOnly);
            if (!Double.isNaN(v)) s.cells[scalar] += v;
        }
    }

    /**
     * Adds into a decayed sum kept as (value at reference time, reference time = newest event): a newer event decays
     * the value to its time first, an older (late) one is decayed to the reference time, so the value read at T is
     * the sum of {@code v * 0.5^((T - t) / halfLife)} whatever the arrival order.
     */
    record AddDecayed(int scalar, int time, Measure measure, boolean countOnly, double halfLifeMs) implements Updater {
        @Override public void apply(EntityState s, Tally t) {
            double v = amount(t, measure, countOnly);
            if (Double.isNaN(v)) return;
            double ref = s.cells[time];
            if (ref == EntityState.NEVER) {
                s.cells[scalar] = v;
                s.cells[time] = t.time;
            } else if (t.time > ref) {
                s.cells[scalar] = s.cells[scalar] * decay(t.time - (long) ref, halfLifeMs) + v;
                s.cells[time] = t.time;
            } else {
                s.cells[scalar] += v * decay((long) ref - t.time, halfLifeMs);
            }
        }
    }

    /** Keeps the latest event time. */
    record Touch(int time) implements Updater {
        @Override public void apply(EntityState s, Tally t) {
            if (t.time > s.cells[time]) s.cells[time] = t.time;
        }
    }

    /** Adds the event's session, or its lines' items, categories or brands, to a bounded distinct set. */
    record AddDistinct(int set, DistinctKey key, int bound) implements Updater {
        @Override public void apply(EntityState s, Tally t) {
            if (key == DistinctKey.SESSION) {
                s.sets[set] = RecentSet.add(s.sets[set], RecentSet.hash(t.event.sessionId()), t.time, bound);
                return;
            }
            for (int i = 0; i < t.size; i++) {
                Line line = t.lines[t.group[i]];
                String value = switch (key) {
                    case ITEM -> line.listing().value();
                    case CATEGORY -> line.category();
                    case BRAND -> line.brand();
                    case SESSION -> throw new IllegalStateException();
                };
                if (!value.isEmpty()) s.sets[set] = RecentSet.add(s.sets[set], RecentSet.hash(value), t.time, bound);
            }
        }
    }

    /**
     * {@code 0.5^(age / halfLife)}. Math.pow, not StrictMath: HotSpot gives the same bits interpreted and compiled,
     * so replays on one machine agree exactly; another CPU may differ in the last bit, far below any tolerance.
     */
    static double decay(long ageMs, double halfLifeMs) {
        return ageMs == 0 ? 1 : Math.pow(0.5, ageMs / halfLifeMs);
    }
}
