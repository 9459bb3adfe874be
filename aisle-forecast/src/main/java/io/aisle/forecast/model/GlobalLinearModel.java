package io.aisle.forecast.model;

import io.aisle.forecast.DemandSeries;
import io.aisle.forecast.Panel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A ridge regression pooled across series on the log scale: a fixed effect per series, and per SKU one slope for
 * every driver (own price, promotions, rivals' prices), so a SKU's elasticities are learned from all its locations.
 * Unlike trees it extrapolates to prices never seen at a location. Its residuals carry a damped, smoothed level per
 * series, as in {@link LocalRegressionModel}.
 */
public final class GlobalLinearModel implements PointModel {
    private static final int MAX_SKU_BLOCKS = 64;
    private final double lambda;

    public GlobalLinearModel(double lambda) { this.lambda = lambda; }

    @Override public String name() { return "global-linear"; }

    @Override public double[][] forecast(Panel panel, int origin, int horizon) {
        Map<String, Integer> skus = new LinkedHashMap<>();
        for (DemandSeries s : panel.series()) skus.putIfAbsent(s.key().sku(), skus.size());
        boolean perSku = skus.size() <= MAX_SKU_BLOCKS;
        int raw = panel.driverNames().size(), local = panel.localDrivers();
        int d = raw + local * (local + 1) / 2;
        int p = 1 + (perSku ? skus.size() : 1) * d;
        double[][][] design = new double[panel.size()][][];
        for (int i = 0; i < panel.size(); i++) design[i] = design(panel.series().get(i).drivers(), raw, local, d);
        double[][] xtx = new double[p][p];
        double[] xty = new double[p];
        History[] hs = new History[panel.size()];
        double[][] meanX = new double[panel.size()][d];
        double[] meanY = new double[panel.size()];
        for (int i = 0; i < panel.size(); i++) {
            DemandSeries s = panel.series().get(i);
            History h = hs[i] = History.of(s, origin);
            if (h.first() < 0) continue;
            int n = h.span();
            for (int t = h.first(); t < origin; t++) {
                meanY[i] += h.y()[t] / n;
                for (int j = 0; j < d; j++) meanX[i][j] += design[i][t][j] / n;
            }
            int off = 1 + (perSku ? skus.get(s.key().sku()) * d : 0);
            double[] x = new double[d];
            for (int t = h.first(); t < origin; t++) {
                if (!h.observed()[t]) continue;
                for (int j = 0; j < d; j++) x[j] = design[i][t][j] - meanX[i][j];
                double y = h.y()[t] - meanY[i];
                for (int a = 0; a < d; a++) {
                    xty[off + a] += x[a] * y;
                    for (int b = 0; b < d; b++) xtx[off + a][off + b] += x[a] * x[b];
                }
            }
        }
        for (int j = 1; j < p; j++) xtx[j][j] += lambda;
        xtx[0][0] = 1;
        double[] beta = Ridge.solve(xtx, xty);
        double[][] out = new double[panel.size()][horizon];
        for (int i = 0; i < panel.size(); i++) {
            History h = hs[i];
            if (h.first() < 0) continue;
            DemandSeries s = panel.series().get(i);
            int off = 1 + (perSku ? skus.get(s.key().sku()) * d : 0);
            int n = h.span();
            double[] e = new double[n];
            for (int t = h.first(); t < origin; t++) e[t - h.first()] = h.y()[t] - fit(beta, off, design[i][t], meanX[i], meanY[i]);
            double[] tuned = n >= 6 ? LocalRegressionModel.tune(e) : new double[] {0.2, 0.0};
            double level = LocalRegressionModel.level(e, tuned[0]);
            for (int k = 0; k < horizon; k++) {
                double v = fit(beta, off, design[i][origin + k], meanX[i], meanY[i]) + Math.pow(tuned[1], k + 1) * level;
                out[i][k] = Double.isFinite(v) ? Math.max(0, v) : h.last();
            }
        }
        return out;
    }

    /** Drivers, then the squares and pairwise products of the own drivers (deeper discounts can lift more). */
    private static double[][] design(double[][] drivers, int raw, int local, int d) {
        double[][] out = new double[drivers.length][d];
        for (int t = 0; t < drivers.length; t++) {
            System.arraycopy(drivers[t], 0, out[t], 0, raw);
            int c = raw;
            for (int a = 0; a < local; a++) for (int b = a; b < local; b++) out[t][c++] = drivers[t][a] * drivers[t][b];
        }
        return out;
    }

    private static double fit(double[] beta, int off, double[] x, double[] meanX, double meanY) {
        double v = meanY;
        for (int j = 0; j < x.length; j++) v += beta[off + j] * (x[j] - meanX[j]);
        return v;
    }
}
