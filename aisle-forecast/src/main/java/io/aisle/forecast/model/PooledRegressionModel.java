package io.aisle.forecast.model;

import io.aisle.forecast.DemandSeries;
import io.aisle.forecast.Panel;

import java.util.ArrayList;
import java.util.List;

/**
 * One log-linear regression pooled over all series on their own drivers (price, promotions), with a fixed effect per
 * series: the classic elasticity model, and the {@code regression} baseline of the forecast benchmark.
 */
public final class PooledRegressionModel implements PointModel {

    @Override public String name() { return "regression"; }

    @Override public double[][] forecast(Panel panel, int origin, int horizon) {
        return fit(panel, origin).forecast(panel, origin, horizon);
    }

    /** Standard deviation of each series' in-sample residuals on the log scale (0.5 with too few points). */
    public double[] residualSd(Panel panel, int origin) {
        Fit f = fit(panel, origin);
        int k = panel.localDrivers();
        double[] sd = new double[panel.size()];
        for (int i = 0; i < panel.size(); i++) {
            DemandSeries s = panel.series().get(i);
            History h = f.histories[i];
            double ss = 0;
            int n = 0;
            for (int t = Math.max(0, h.first()); t < origin && h.first() >= 0; t++) {
                if (!h.observed()[t]) continue;
                double v = f.meanY[i];
                for (int j = 0; j < k; j++) v += f.beta[j + 1] * (s.drivers()[t][j] - f.meanX[i][j]);
                ss += (h.y()[t] - v) * (h.y()[t] - v);
                n++;
            }
            sd[i] = n > 2 ? Math.sqrt(ss / (n - 1)) : 0.5;
        }
        return sd;
    }

    private record Fit(double[] beta, double[][] meanX, double[] meanY, History[] histories) {
        double[][] forecast(Panel panel, int origin, int horizon) {
            int k = panel.localDrivers();
            double[][] out = new double[panel.size()][horizon];
            for (int i = 0; i < panel.size(); i++) {
                if (histories[i].first() < 0) continue;
                DemandSeries s = panel.series().get(i);
                for (int step = 0; step < horizon; step++) {
                    double v = meanY[i];
                    for (int j = 0; j < k; j++) v += beta[j + 1] * (s.drivers()[origin + step][j] - meanX[i][j]);
                    out[i][step] = Math.max(0, v);
                }
            }
            return out;
        }
    }

    private static Fit fit(Panel panel, int origin) {
        int k = panel.localDrivers();
        List<double[]> rows = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        double[][] meanX = new double[panel.size()][k];
        double[] meanY = new double[panel.size()];
        History[] hs = new History[panel.size()];
        for (int i = 0; i < panel.size(); i++) {
            DemandSeries s = panel.series().get(i);
            History h = hs[i] = History.of(s, origin);
            if (h.first() < 0) continue;
            int n = h.span();
            for (int t = h.first(); t < origin; t++) {
                meanY[i] += h.y()[t] / n;
                for (int j = 0; j < k; j++) meanX[i][j] += s.drivers()[t][j] / n;
            }
            // Within transformation: demeaned by series, so the pooled slopes ignore level differences between series.
            for (int t = h.first(); t < origin; t++) {
                if (!h.observed()[t]) continue;
                double[] r = new double[k + 1];
                r[0] = 1;
                for (int j = 0; j < k; j++) r[j + 1] = s.drivers()[t][j] - meanX[i][j];
                rows.add(r);
                ys.add(h.y()[t] - meanY[i]);
            }
        }
        double[] beta = rows.size() > k + 1
                ? Ridge.fit(rows.toArray(double[][]::new), ys.stream().mapToDouble(Double::doubleValue).toArray(), 1e-6)
                : new double[k + 1];
        return new Fit(beta, meanX, meanY, hs);
    }
}
