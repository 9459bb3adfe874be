package io.aisle.simulator;

import java.util.List;

/**
 * SplitMix64 random numbers with the draws the simulator needs. Defined here rather than borrowed from the JDK so a
 * seed yields the same data on every JDK version, and transcendental functions go through {@link StrictMath} so it
 * yields the same data on every CPU.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    Rng(long seed) { this.state = seed; }

    /** A well-mixed 64-bit hash of {@code z} (the SplitMix64 finaliser). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for the sub-stream numbered {@code part} of {@code seed}; parts never overlap in practice. */
    static long derive(long seed, long part) { return mix(seed ^ mix(part * GOLDEN + 0x632BE59BD9B4E019L)); }

    static long derive(long seed, long part, long subPart) { return derive(derive(seed, part), subPart); }

    /** A hash of a string that does not depend on {@link String#hashCode()}'s 32-bit width. */
    static long hash(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001B3L;
        return mix(h);
    }

    long nextLong() { return mix(state += GOLDEN); }

    /** Uniform in [0, 1). */
    double nextDouble() { return (nextLong() >>> 11) * 0x1.0p-53; }

    /** Uniform in [0, bound); bound must be positive. */
    int nextInt(int bound) { return (int) (((nextLong() >>> 33) * bound) >>> 31); }

    /** Uniform in [min, max]. */
    int between(int min, int max) { return min + nextInt(max - min + 1); }

    double uniform(double min, double max) { return min + (max - min) * nextDouble(); }

    boolean chance(double p) { return nextDouble() < p; }

    /** Standard normal (Marsaglia's polar method, which needs no trigonometry). */
    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double scale = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * scale;
        hasSpare = true;
        return u * scale;
    }

    /** Log-normal with the given median; sigma is the spread of the log. */
    double logNormal(double median, double sigma) { return median * StrictMath.exp(sigma * gaussian()); }

    /** Exponential waiting time for events arriving at {@code rate} per unit. */
    double exponential(double rate) { return -StrictMath.log(1 - nextDouble()) / rate; }

    /** Trials before the first success, each succeeding with probability p. */
    int geometric(double p, int max) {
        int n = 0;
        while (n < max && !chance(p)) n++;
        return n;
    }

    <T> T pick(List<T> values) { return values.get(nextInt(values.size())); }

    /** An index drawn from cumulative weights (ascending, last entry the total). */
    int pickCumulative(double[] cumulative) { return pickCumulative(cumulative, cumulative.length); }

    int pickCumulative(double[] cumulative, int length) {
        double x = nextDouble() * cumulative[length - 1];
        int lo = 0, hi = length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
