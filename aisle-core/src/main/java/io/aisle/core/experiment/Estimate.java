package io.aisle.core.experiment;

/**
 * A measured value and its 95% confidence interval.
 *
 * @param value the point estimate
 * @param low   lower bound of the interval
 * @param high  upper bound of the interval
 */
public record Estimate(double value, double low, double high) {
    public Estimate {
        if (!Double.isFinite(value) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("an estimate needs finite numbers, got " + value + " [" + low + ", " + high + "]");
        }
        if (low > high) throw new IllegalArgumentException("low " + low + " is above high " + high);
    }

    /** Whether the interval leaves out {@code x}: for a difference, whether it is distinguishable from none. */
    public boolean excludes(double x) { return x < low || x > high; }
}
