package io.aisle.features.feature;

import java.time.Duration;
import java.util.Objects;

/** The stretch of history a feature aggregates: a sliding window, all of it, or all of it with exponential decay. */
public sealed interface Window {

    /** Last hour, in 5-minute buckets. */
    Sliding H1 = new Sliding(Duration.ofHours(1), Duration.ofMinutes(5));
    /** Last day, in 1-hour buckets. */
    Sliding H24 = new Sliding(Duration.ofHours(24), Duration.ofHours(1));
    /** Last week, in 1-hour buckets. */
    Sliding D7 = new Sliding(Duration.ofDays(7), Duration.ofHours(1));
    /** Last 30 days, in 1-day buckets (UTC days). */
    Sliding D30 = new Sliding(Duration.ofDays(30), Duration.ofDays(1));
    Lifetime LIFETIME = new Lifetime();

    /** Every event, each weighted {@code 0.5^(age / halfLife)} at read time. */
    static Decayed decayed(Duration halfLife) { return new Decayed(halfLife); }

    /** A short name for feature names: {@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}, {@code lifetime}, {@code decayed}. */
    String suffix();

    /**
     * Events whose time {@code t} satisfies {@code floor(T, bucket) - length <= t < T} when read at {@code T}: every
     * event of the last {@code length}, plus those earlier in the current bucket, so the window spans between
     * {@code length} and {@code length + bucket}. Buckets are aligned on the Unix epoch (UTC).
     */
    record Sliding(Duration length, Duration bucket) implements Window {
        public Sliding {
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(bucket, "bucket");
            // Bucket indices are stored as int: one-minute buckets reach far beyond any real timestamp.
            if (bucket.compareTo(Duration.ofMinutes(1)) < 0) throw new IllegalArgumentException("bucket must be at least 1 minute, got " + bucket);
            if (length.compareTo(bucket) < 0 || length.toMillis() % bucket.toMillis() != 0) {
                throw new IllegalArgumentException("window length " + length + " must be a positive multiple of its bucket " + bucket);
            }
            if (length.toMillis() / bucket.toMillis() > 10_000) throw new IllegalArgumentException("at most 10,000 buckets per window");
        }

        /** Buckets fully inside the window; the current, partial bucket comes on top. */
        public int buckets() { return (int) (length.toMillis() / bucket.toMillis()); }

        @Override public String suffix() {
            long ms = length.toMillis();
            if (ms % 86_400_000L == 0 && ms >= 172_800_000L) return ms / 86_400_000L + "d";
            if (ms % 3_600_000L == 0) return ms / 3_600_000L + "h";
            return ms / 60_000L + "m";
        }
    }

    /** Every event since the start of the log, undecayed. */
    record Lifetime() implements Window {
        @Override public String suffix() { return "lifetime"; }
    }

    /** Every event, an event of age {@code a} counting {@code 0.5^(a / halfLife)}. */
    record Decayed(Duration halfLife) implements Window {
        public Decayed {
            if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) throw new IllegalArgumentException("halfLife must be positive");
        }

        @Override public String suffix() { return "decayed"; }
    }
}
