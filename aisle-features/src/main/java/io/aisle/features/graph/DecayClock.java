package io.aisle.features.graph;

import java.time.Duration;

/**
 * Exponential decay without touching edges. A signal {@code s} at time {@code t} is stored as
 * {@code s * 2^((t - epoch) / halfLife)}: the weight it would have at the epoch if it grew backwards. Read at the
 * clock (the newest event time seen) every stored weight is multiplied by the same {@code 2^(-(clock - epoch) /
 * halfLife)}, which gives exactly {@code s * 2^(-(clock - t) / halfLife)}. Stored weights therefore rank like decayed
 * ones, and the epoch only moves (every stored weight halved 512 times, exact in binary floating point) when
 * factors would approach the double range.
 *
 * <p>Powers of two come from tables filled once with {@link StrictMath#pow}: {@code 2^(r / halfLife)} for the
 * remainder {@code r} below one half-life is the product of three entries (12 bits of {@code r} each), times an
 * exact {@link Math#scalb} for whole half-lives. That is within a few ulps of the true value, the same on every JVM
 * and JIT tier (replay stays bit-identical), and several times faster than a {@code pow} per event.
 */
final class DecayClock {
    /** Rebase when a factor would pass 2^512 (about 1e154): far from overflow even summed over billions of signals. */
    static final int REBASE_HALF_LIVES = 512;
    static final double REBASE_SCALE = Math.scalb(1.0, -REBASE_HALF_LIVES);

    private static final int BITS = 12;
    private static final int MASK = (1 << BITS) - 1;
    /** Half-lives up to 2^36 ms (about 2.2 years) use the tables; longer ones call StrictMath.pow. */
    private static final long TABLE_LIMIT = 1L << (3 * BITS);

    private final long halfLifeMs;
    private final double[] low;
    private final double[] mid;
    private final double[] high;
    private long epoch;
    private long newest = Long.MIN_VALUE;
    private long cachedAt = Long.MIN_VALUE;
    private double cachedFactor;

    DecayClock(Duration halfLife) {
        this.halfLifeMs = halfLife.toMillis();
        if (halfLifeMs < 1) throw new IllegalArgumentException("half-life must be at least 1 ms, got " + halfLife);
        boolean tabled = halfLifeMs <= TABLE_LIMIT;
        low = tabled ? table(0) : null;
        mid = tabled ? table(BITS) : null;
        high = tabled ? table(2 * BITS) : null;
    }

    boolean started() { return newest != Long.MIN_VALUE; }

    long newest() { return newest; }

    /** Moves the clock to an event time (never backwards); the first event fixes the epoch. */
    void observe(long atMillis) {
        if (newest == Long.MIN_VALUE) epoch = atMillis;
        newest = Math.max(newest, atMillis);
    }

    /** Whether a signal at {@code atMillis} needs the epoch moved first (then call {@link #rebase()} and rescale). */
    boolean needsRebase(long atMillis) { return (double) (atMillis - epoch) / halfLifeMs > REBASE_HALF_LIVES; }

    /** Moves the epoch forward by {@value #REBASE_HALF_LIVES} half-lives; stored weights must be scaled by {@link #REBASE_SCALE}. */
    void rebase() {
        epoch += REBASE_HALF_LIVES * halfLifeMs;
        cachedAt = Long.MIN_VALUE;
    }

    /** The factor a signal at {@code atMillis} is stored with. */
    double storeFactor(long atMillis) {
        if (atMillis != cachedAt) {
            cachedFactor = pow2(atMillis - epoch);
            cachedAt = atMillis;
        }
        return cachedFactor;
    }

    /** The factor that turns stored weights into weights decayed to the clock. */
    double readFactor() {
        return newest == Long.MIN_VALUE ? 0 : pow2(epoch - newest);
    }

    /** {@code 2^(deltaMillis / halfLife)}. */
    double pow2(long deltaMillis) {
        long whole = Math.floorDiv(deltaMillis, halfLifeMs);
        long r = deltaMillis - whole * halfLifeMs;
        double fraction = low == null ? StrictMath.pow(2.0, (double) r / halfLifeMs)
                : low[(int) (r & MASK)] * mid[(int) ((r >>> BITS) & MASK)] * high[(int) (r >>> (2 * BITS))];
        return Math.scalb(fraction, (int) Math.clamp(whole, -2_200, 2_200));
    }

    private double[] table(int shift) {
        double[] t = new double[1 << BITS];
        for (int j = 0; j < t.length; j++) t[j] = StrictMath.pow(2.0, (double) ((long) j << shift) / halfLifeMs);
        return t;
    }

    void reset() {
        newest = Long.MIN_VALUE;
        epoch = 0;
        cachedAt = Long.MIN_VALUE;
    }
}
