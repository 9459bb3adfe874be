package io.aisle.forecast.model;

import io.aisle.forecast.DemandSeries;
import io.aisle.forecast.Panel;

/**
 * Per-series regression on the series' own drivers (price, promotions) with exponentially smoothed, damped errors:
 * the level of the residuals moves like simple exponential smoothing and decays by {@code phi} per step ahead. The
 * smoothing and damping are chosen per series on its own multi-step in-sample errors. Sparse series (mostly zeros)
 * go to {@link IntermittentModel} instead.
 */
public final class LocalRegressionModel implements PointModel {
    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.8};
    private static final double[] PHIS = {0.0, 0.5, 0.8, 0.9, 0.97, 1.0};
    private static final int TUNE_STEPS = 6;

    private final double lambda;
    private final IntermittentModel intermittent = new IntermittentModel();

    public LocalRegressionModel(double lambda) { this.lambda = lambda; }

    @Override public String name() { return "local-regression"; }

    @Override public double[][] forecast(Panel panel, int origin, int horizon) {
        double[][] out = new double[panel.size()][];
        for (int i = 0; i < panel.size(); i++) out[i] = forecastOne(panel, panel.series().get(i), origin, horizon);
        return out;
    }

    double[] forecastOne(Panel panel, DemandSeries s, int origin, int horizon) {
        History h = History.of(s, origin);
        double[] out = new double[horizon];
        if (h.first() < 0) return out; // nothing seen yet: zero units
        if (h.zeroShare() > 0.3) return intermittent.forecastOne(s, origin, horizon);
        int n = h.span();
        if (n < 6) {
            java.util.Arrays.fill(out, h.meanLast(n));
            return out;
        }
        int k = panel.localDrivers();
        // Only drivers that moved in the past can be estimated; the rest are left out.
        int[] cols = java.util.stream.IntStream.range(0, k).filter(j -> varies(s, h.first(), origin, j)).toArray();
        double[][] x = new double[n][cols.length + 1];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            x[t][0] = 1;
            for (int c = 0; c < cols.length; c++) x[t][c + 1] = s.drivers()[h.first() + t][cols[c]];
            y[t] = h.y()[h.first() + t];
        }
        double[] beta = cols.length == 0 || n < cols.length + 4 ? mean(y, cols.length + 1) : Ridge.fit(x, y, lambda);
        double[] e = new double[n];
        for (int t = 0; t < n; t++) e[t] = y[t] - dot(beta, x[t]);
        double[] best = tune(e);
        double level = level(e, best[0]);
        for (int step = 0; step < horizon; step++) {
            double[] row = new double[cols.length + 1];
            row[0] = 1;
            for (int c = 0; c < cols.length; c++) row[c + 1] = s.drivers()[origin + step][cols[c]];
            double v = dot(beta, row) + Math.pow(best[1], step + 1) * level;
            out[step] = Double.isFinite(v) ? Math.max(0, v) : h.last();
        }
        return out;
    }

    private static boolean varies(DemandSeries s, int from, int to, int j) {
        double v0 = s.drivers()[from][j];
        for (int t = from + 1; t < to; t++) if (Math.abs(s.drivers()[t][j] - v0) > 1e-12) return true;
        return false;
    }

    private static double[] mean(double[] y, int p) {
        double[] b = new double[p];
        for (double v : y) b[0] += v / y.length;
        return b;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double level(double[] e, double alpha) {
        double l = 0;
        for (double v : e) l = alpha * v + (1 - alpha) * l;
        return l;
    }

    /** The (alpha, phi) with the least squared error over the next few steps from every in-sample point. */
    static double[] tune(double[] e) {
        double bestErr = Double.MAX_VALUE;
        double[] best = {0.2, 0.9};
        for (double alpha : ALPHAS) {
            double[] lv = new double[e.length];
            double l = 0;
            for (int t = 0; t < e.length; t++) lv[t] = l = alpha * e[t] + (1 - alpha) * l;
            for (double phi : PHIS) {
                double err = 0;
                for (int t = 0; t < e.length - 1; t++) {
                    double f = lv[t];
                    for (int k = 1; k <= TUNE_STEPS && t + k < e.length; k++) {
                        f *= phi;
                        err += (e[t + k] - f) * (e[t + k] - f);
                    }
                }
                if (err < bestErr) {
                    bestErr = err;
                    best = new double[] {alpha, phi};
                }
            }
        }
        return best;
    }
}
