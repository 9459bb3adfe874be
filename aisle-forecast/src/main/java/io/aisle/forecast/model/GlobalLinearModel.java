package io.aisle.forecast.model;

import io.aisle.forecast.DemandSeries;
import io.aisle.forecast.Panel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A ridge regression pooled across series on the log scale: a fixed effect per series, per SKU one slope for every
 * driver (own price, promotions, rivals' prices, and products of the own drivers), and per series a shrunken deviation
 * from its SKU's slopes on the own drivers, so a location's elasticities are learned from all the SKU's locations and
 * move away from them only as far as its own data insists. Unlike trees it extrapolates to prices never seen at a
 * location. Its residuals carry a damped, smoothed level per series, as in {@link LocalRegressionModel}.
 */
public final class GlobalLinearModel implements PointModel {
    private static final int MAX_SKU_BLOCKS = 64;

    /**
     * Ridge penalties (on drivers centred per series).
     *
     * @param own          the SKU slopes of the own drivers
     * @param cross        the SKU slopes of the other drivers (rivals' prices): many, correlated, individually weak
     * @param interactions the SKU slopes of the squares and products of the own drivers
     * @param perSeries    each series' deviation from its SKU's own-driver slopes
     */
    public record Penalties(double own, double cross, double interactions, double perSeries) {
        public Penalties {
            for (double v : new double[] {own, cross, interactions, perSeries})
                if (!(v > 0)) throw new IllegalArgumentException("penalties must be positive, got " + v);
        }

        /** The penalties the rolling-origin backtests inside Dominick's history chose before each test window (README). */
        public static Penalties defaults() { return new Penalties(10, 100, 10, 1); }
    }

    private final Penalties penalties;
    private final AtomicReference<Fitted> last = new AtomicReference<>();

    private record Fitted(Panel panel, int origin, int horizon, double[][] values) {}

    public GlobalLinearModel(Penalties penalties) { this.penalties = penalties; }

    @Override public String name() { return "global-linear"; }

    @Override public double[][] forecast(Panel panel, int origin, int horizon) {
        double[][] structural = structural(panel, origin, horizon);
        double[][] out = new double[panel.size()][horizon];
        for (int i = 0; i < panel.size(); i++) {
            History h = History.of(panel.series().get(i), origin);
            if (h.first() < 0) continue;
            int n = h.span();
            double[] e = new double[n];
            for (int t = h.first(); t < origin; t++) e[t - h.first()] = h.y()[t] - structural[i][t];
            double[] tuned = n >= 6 ? LocalRegressionModel.tune(e) : new double[] {0.2, 0.0};
            double level = LocalRegressionModel.level(e, tuned[0]);
            for (int k = 0; k < horizon; k++) {
                double v = structural[i][origin + k] + Math.pow(tuned[1], k + 1) * level;
                out[i][k] = Double.isFinite(v) ? Math.max(0, v) : h.last();
            }
        }
        return out;
    }

    /**
     * The regression part alone (fixed effect and driver slopes, no residual level), fitted on the periods before
     * {@code origin}, for every period up to {@code origin + horizon}; {@code NaN} for series with no history. The
     * last fit is kept: the hybrid model asks for the one this model's own forecast just made. Read-only for callers.
     */
    public double[][] structural(Panel panel, int origin, int horizon) {
        Fitted f = last.get();
        if (f != null && f.panel() == panel && f.origin() == origin && f.horizon() == horizon) return f.values();
        double[][] values = fit(panel, origin, horizon);
        last.set(new Fitted(panel, origin, horizon, values));
        return values;
    }

    private double[][] fit(Panel panel, int origin, int horizon) {
        Map<String, Integer> skus = new LinkedHashMap<>();
        for (DemandSeries s : panel.series()) skus.putIfAbsent(s.key().sku(), skus.size());
        boolean perSku = skus.size() <= MAX_SKU_BLOCKS;
        int raw = panel.driverNames().size(), local = panel.localDrivers();
        int d = raw + local * (local + 1) / 2;
        int p = (perSku ? skus.size() : 1) * d;
        double[][][] design = new double[panel.size()][][];
        for (int i = 0; i < panel.size(); i++) design[i] = design(panel.series().get(i).drivers(), raw, local, d);
        // Normal equations of the shared slopes, with each series' own-driver deviations eliminated as they come
        // (Schur complement): the deviation blocks touch only their SKU's block, so the system stays p x p.
        DMatrixRMaj agg = new DMatrixRMaj(p, p);
        DMatrixRMaj bg = new DMatrixRMaj(p, 1);
        DMatrixRMaj[] assInv = new DMatrixRMaj[panel.size()], asg = new DMatrixRMaj[panel.size()], bs = new DMatrixRMaj[panel.size()];
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
            int off = perSku ? skus.get(s.key().sku()) * d : 0;
            DMatrixRMaj xtx = new DMatrixRMaj(d, d), xty = new DMatrixRMaj(d, 1);
            double[] x = new double[d];
            for (int t = h.first(); t < origin; t++) {
                if (!h.observed()[t]) continue;
                for (int j = 0; j < d; j++) x[j] = design[i][t][j] - meanX[i][j];
                double y = h.y()[t] - meanY[i];
                for (int a = 0; a < d; a++) {
                    xty.data[a] += x[a] * y;
                    for (int b = 0; b < d; b++) xtx.data[a * d + b] += x[a] * x[b];
                }
            }
            for (int a = 0; a < d; a++) {
                bg.data[off + a] += xty.data[a];
                for (int b = 0; b < d; b++) agg.data[(off + a) * p + off + b] += xtx.data[a * d + b];
            }
            if (local == 0) continue;
            // This series' deviation block: X_l'X_l + penalty, its coupling X_l'X to the SKU block, X_l'y.
            DMatrixRMaj ass = new DMatrixRMaj(local, local);
            asg[i] = new DMatrixRMaj(local, d);
            bs[i] = new DMatrixRMaj(local, 1);
            for (int a = 0; a < local; a++) {
                bs[i].data[a] = xty.data[a];
                for (int b = 0; b < d; b++) asg[i].data[a * d + b] = xtx.data[a * d + b];
                for (int b = 0; b < local; b++) ass.data[a * local + b] = xtx.data[a * d + b];
                ass.data[a * local + a] += penalties.perSeries();
            }
            assInv[i] = new DMatrixRMaj(local, local);
            if (!CommonOps_DDRM.invert(ass, assInv[i])) { assInv[i] = null; continue; }
            DMatrixRMaj t1 = new DMatrixRMaj(local, d), gs = new DMatrixRMaj(d, d), gb = new DMatrixRMaj(local, 1), gv = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.mult(assInv[i], asg[i], t1);
            CommonOps_DDRM.multTransA(asg[i], t1, gs);
            CommonOps_DDRM.mult(assInv[i], bs[i], gb);
            CommonOps_DDRM.multTransA(asg[i], gb, gv);
            for (int a = 0; a < d; a++) {
                bg.data[off + a] -= gv.data[a];
                for (int b = 0; b < d; b++) agg.data[(off + a) * p + off + b] -= gs.data[a * d + b];
            }
        }
        for (int j = 0; j < p; j++) agg.data[j * p + j] += penalty(j % d, raw, local);
        DMatrixRMaj betaG = new DMatrixRMaj(p, 1);
        double[] beta = CommonOps_DDRM.solve(agg, bg, betaG) && finite(betaG.data) ? betaG.data : new double[p];
        double[][] out = new double[panel.size()][origin + horizon];
        for (int i = 0; i < panel.size(); i++) {
            History h = hs[i];
            if (h.first() < 0) {
                java.util.Arrays.fill(out[i], Double.NaN);
                continue;
            }
            DemandSeries s = panel.series().get(i);
            int off = perSku ? skus.get(s.key().sku()) * d : 0;
            double[] slopes = java.util.Arrays.copyOfRange(beta, off, off + d);
            if (assInv[i] != null) {
                DMatrixRMaj rhs = bs[i].copy(), g = new DMatrixRMaj(local, 1), dev = new DMatrixRMaj(local, 1);
                CommonOps_DDRM.mult(asg[i], new DMatrixRMaj(d, 1, true, slopes), g);
                CommonOps_DDRM.subtractEquals(rhs, g);
                CommonOps_DDRM.mult(assInv[i], rhs, dev);
                if (finite(dev.data)) for (int a = 0; a < local; a++) slopes[a] += dev.data[a];
            }
            for (int t = 0; t < origin + horizon; t++) out[i][t] = fit(slopes, design[i][t], meanX[i], meanY[i]);
        }
        return out;
    }

    private double penalty(int column, int raw, int local) {
        if (column < local) return penalties.own();
        return column < raw ? penalties.cross() : penalties.interactions();
    }

    private static boolean finite(double[] v) {
        for (double x : v) if (!Double.isFinite(x)) return false;
        return true;
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

    private static double fit(double[] slopes, double[] x, double[] meanX, double meanY) {
        double v = meanY;
        for (int j = 0; j < x.length; j++) v += slopes[j] * (x[j] - meanX[j]);
        return v;
    }
}
