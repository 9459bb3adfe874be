package io.aisle.forecast;

/**
 * A probabilistic forecast of one series over a horizon: quantiles, the mean and sample paths, in units.
 *
 * @param origin    first forecast period on the panel grid
 * @param probs     quantile levels, ascending (e.g. 0.1 .. 0.9)
 * @param quantiles {@code quantiles[h][j]}: level {@code probs[j]} of period {@code origin + h}; non-decreasing in j
 * @param mean      expected units per period
 * @param paths     {@code paths[s][h]}: joint sample paths, for inventory decisions over lead times
 */
public record QuantileForecast(SeriesKey key, int origin, double[] probs, double[][] quantiles, double[] mean, double[][] paths) {

    public int horizon() { return mean.length; }

    /** The quantile of level {@code p} at step {@code h}, interpolated between the stored levels. */
    public double quantile(int h, double p) {
        double[] q = quantiles[h];
        if (p <= probs[0]) return q[0];
        if (p >= probs[probs.length - 1]) return q[q.length - 1];
        int j = 1;
        while (probs[j] < p) j++;
        double w = (p - probs[j - 1]) / (probs[j] - probs[j - 1]);
        return q[j - 1] + w * (q[j] - q[j - 1]);
    }

    /** The median at step {@code h}. */
    public double median(int h) { return quantile(h, 0.5); }
}
