package io.aisle.forecast.model;

import io.aisle.forecast.DemandSeries;

/**
 * A series' past before an origin, on the log scale {@code log(1 + units)}: interior gaps filled by linear
 * interpolation and trailing gaps by the last value, so models see a gap-free stretch from the first observation on.
 *
 * @param y        filled log units, {@code NaN} before {@code first}
 * @param observed whether period t was observed (not filled)
 * @param first    first observed period, or {@code -1} when the series has no observation before the origin
 */
public record History(double[] y, boolean[] observed, int first) {

    /** The history of {@code series} before period {@code origin}. */
    public static History of(DemandSeries series, int origin) {
        double[] y = new double[origin];
        boolean[] obs = new boolean[origin];
        int first = -1;
        int last = -1;
        for (int t = 0; t < origin; t++) {
            double u = series.unitsAt(t);
            if (Double.isNaN(u)) {
                y[t] = Double.NaN;
                continue;
            }
            y[t] = Math.log1p(u);
            obs[t] = true;
            if (first < 0) first = t;
            if (last >= 0 && t - last > 1) {
                for (int g = last + 1; g < t; g++) y[g] = y[last] + (y[t] - y[last]) * (g - last) / (double) (t - last);
            }
            last = t;
        }
        for (int t = last + 1; t < origin && last >= 0; t++) y[t] = y[last];
        return new History(y, obs, first);
    }

    public int length() { return y.length; }

    /** Filled periods available, from the first observation to the origin. */
    public int span() { return first < 0 ? 0 : y.length - first; }

    public double last() { return y[y.length - 1]; }

    /** Mean of the last {@code n} filled values (fewer when the span is shorter); {@code NaN} when empty. */
    public double meanLast(int n) {
        int from = Math.max(first, y.length - n);
        if (first < 0 || from >= y.length) return Double.NaN;
        double s = 0;
        for (int t = from; t < y.length; t++) s += y[t];
        return s / (y.length - from);
    }

    /** Standard deviation of the last {@code n} filled values; 0 with fewer than two. */
    public double sdLast(int n) {
        int from = Math.max(first, y.length - n);
        int k = y.length - from;
        if (first < 0 || k < 2) return 0;
        double m = meanLast(n);
        double s = 0;
        for (int t = from; t < y.length; t++) s += (y[t] - m) * (y[t] - m);
        return Math.sqrt(s / (k - 1));
    }

    /**
     * A robust scale of the series on the log scale: the mean absolute period-to-period change, floored so constant
     * series still get intervals.
     */
    public double scale() {
        if (span() < 2) return 0.5;
        double s = 0;
        for (int t = first + 1; t < y.length; t++) s += Math.abs(y[t] - y[t - 1]);
        return Math.max(0.05, s / (span() - 1));
    }

    /** Share of observed periods with zero units. */
    public double zeroShare() {
        int n = 0, z = 0;
        for (int t = 0; t < y.length; t++) {
            if (!observed[t]) continue;
            n++;
            if (y[t] == 0) z++;
        }
        return n == 0 ? 0 : z / (double) n;
    }
}
