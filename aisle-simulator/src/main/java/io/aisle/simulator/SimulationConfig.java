package io.aisle.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What to simulate: the seed, how many shoppers, the time range (events at or after {@code end} are not emitted), the
 * share of shoppers who have accounts, and the median number of sessions a shopper starts per week.
 */
public record SimulationConfig(long seed, int shoppers, Instant start, Instant end, double loggedInShare,
                               double sessionsPerWeek) {
    /** Longer ranges work, but ten years of history is already more than any benchmark needs. */
    public static final Duration MAX_RANGE = Duration.ofDays(3660);

    public SimulationConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (shoppers < 1) throw new IllegalArgumentException("shoppers must be at least 1, got " + shoppers);
        if (!end.isAfter(start)) throw new IllegalArgumentException("end " + end + " must be after start " + start);
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("range " + start + " to " + end + " is longer than " + MAX_RANGE.toDays() + " days");
        }
        if (!(loggedInShare >= 0 && loggedInShare <= 1)) {
            throw new IllegalArgumentException("loggedInShare must be in 0..1, got " + loggedInShare);
        }
        if (!(sessionsPerWeek > 0 && sessionsPerWeek <= 50)) {
            throw new IllegalArgumentException("sessionsPerWeek must be in (0, 50], got " + sessionsPerWeek);
        }
    }

    /** Three in ten shoppers logged in, a median shopper visiting about once a week. */
    public static SimulationConfig of(long seed, int shoppers, Instant start, Instant end) {
        return new SimulationConfig(seed, shoppers, start, end, 0.3, 1.0);
    }

    public SimulationConfig withLoggedInShare(double share) {
        return new SimulationConfig(seed, shoppers, start, end, share, sessionsPerWeek);
    }

    public SimulationConfig withSessionsPerWeek(double perWeek) {
        return new SimulationConfig(seed, shoppers, start, end, loggedInShare, perWeek);
    }

    /** A short tag of the seed that event and session ids carry, so runs with different seeds never collide. */
    String runTag() { return Long.toString(seed & 0xFFFFFFFFFFL, 36); }
}
