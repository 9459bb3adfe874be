package io.aisle.bench.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accumulates the benchmark's metrics per system and window, each averaged over series x origin: MASE and scaled
 * pinball loss (divided by the mean absolute week-to-week change of the filled training units), sMAPE (percent) and
 * the coverage of the 80% interval [q0.1, q0.9]. Only observed weeks are scored.
 */
final class ForecastScores {
    static final double[] PROBS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    private final Map<String, double[][]> sums = new LinkedHashMap<>(); // system -> [window or 0 overall][metric..., n]

    private final int windows;

    ForecastScores(int windows) { this.windows = windows; }

    /**
     * Scores one series at one origin.
     *
     * @param actual    units per test week, {@code NaN} where unobserved
     * @param quantiles {@code [h][9]} at {@link #PROBS}
     * @param scale     the series' MASE scale from its training weeks
     */
    void add(String system, int window, double[] actual, double[][] quantiles, double scale) {
        double ae = 0, sm = 0, pin = 0, cov = 0;
        int n = 0;
        for (int h = 0; h < actual.length; h++) {
            double y = actual[h];
            if (Double.isNaN(y)) continue;
            double[] q = quantiles[h];
            double f = q[4];
            ae += Math.abs(y - f);
            sm += Math.abs(y) + Math.abs(f) == 0 ? 0 : 200 * Math.abs(y - f) / (Math.abs(y) + Math.abs(f));
            double p = 0;
            for (int j = 0; j < PROBS.length; j++) p += y >= q[j] ? PROBS[j] * (y - q[j]) : (1 - PROBS[j]) * (q[j] - y);
            pin += p / PROBS.length;
            cov += y >= q[0] && y <= q[8] ? 1 : 0;
            n++;
        }
        if (n == 0 || !(scale > 0)) return;
        double[] m = {ae / n / scale, sm / n, pin / n / scale, cov / n};
        double[][] s = sums.computeIfAbsent(system, k -> new double[windows + 1][5]);
        for (int w : new int[] {0, window}) {
            for (int j = 0; j < 4; j++) s[w][j] += m[j];
            s[w][4]++;
        }
    }

    /** {mase, smape, pinball, coverage@80} of {@code system} overall (window 0) or in window 1.. */
    double[] metrics(String system, int window) {
        double[] s = sums.get(system)[window];
        return new double[] {s[0] / s[4], s[1] / s[4], s[2] / s[4], s[3] / s[4]};
    }

    boolean has(String system) { return sums.containsKey(system); }

    /** Systems scored so far, in the order first seen. */
    java.util.Set<String> systems() { return sums.keySet(); }

    /** Units filled linearly over interior gaps, then the mean absolute change; 0 when undefined. */
    static double scale(double[] units, int origin) {
        int first = -1, last = -1;
        double sum = 0;
        int n = 0;
        double prev = Double.NaN;
        for (int t = 0; t < origin; t++) {
            if (Double.isNaN(units[t])) continue;
            if (last >= 0) {
                // Each filled step between two observations changes by the same amount.
                int gap = t - last;
                sum += Math.abs(units[t] - prev);
                n += gap;
            } else {
                first = t;
            }
            prev = units[t];
            last = t;
        }
        return first < 0 || n == 0 ? 0 : sum / n;
    }
}
