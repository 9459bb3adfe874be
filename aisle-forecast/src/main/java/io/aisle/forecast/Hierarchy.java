package io.aisle.forecast;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A forecasting hierarchy over a panel's series (SKU -> category, location -> region, and their crossings up to the
 * total), and the reconciliation that makes forecasts add up: base forecasts of every node are projected onto the
 * coherent subspace by weighted least squares, {@code b = (S'W⁻¹S)⁻¹ S'W⁻¹ ŷ}, with W diagonal (WLS; identity = OLS).
 * Sample paths are reconciled one by one, so every reconciled path adds up and the quantiles come from coherent paths.
 */
public final class Hierarchy {
    private final Panel panel;
    private final List<SeriesKey> nodes = new ArrayList<>(); // aggregates first, then the bottom series
    private final List<int[]> members = new ArrayList<>();

    /**
     * @param category the category of a SKU (e.g. its brand line); {@code s -> "all"} to skip that level
     * @param region   the region of a location
     */
    public Hierarchy(Panel panel, Function<String, String> category, Function<String, String> region) {
        this.panel = panel;
        Map<SeriesKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < panel.size(); i++) {
            SeriesKey k = panel.series().get(i).key();
            String c = "category:" + category.apply(k.sku()), r = "region:" + region.apply(k.location());
            for (SeriesKey g : List.of(new SeriesKey("total", "total"), new SeriesKey(c, "total"), new SeriesKey("total", r),
                    new SeriesKey(c, r), new SeriesKey(k.sku(), r))) {
                groups.computeIfAbsent(g, x -> new ArrayList<>()).add(i);
            }
        }
        groups.forEach((k, v) -> {
            if (v.size() > 1 || !isBottomLike(k)) {
                nodes.add(k);
                members.add(v.stream().mapToInt(Integer::intValue).toArray());
            }
        });
        for (int i = 0; i < panel.size(); i++) {
            nodes.add(panel.series().get(i).key());
            members.add(new int[] {i});
        }
    }

    private static boolean isBottomLike(SeriesKey k) { return !k.sku().startsWith("category:") && !k.sku().equals("total"); }

    /** Every node, aggregates first, then the bottom series in panel order. */
    public List<SeriesKey> nodes() { return List.copyOf(nodes); }

    public int aggregates() { return nodes.size() - panel.size(); }

    /** The bottom series that node {@code n} sums. */
    public int[] members(int n) { return members.get(n).clone(); }

    /**
     * A panel of every node: aggregates sum their members' units (a period is observed when any member was) and
     * average their drivers.
     */
    public Panel nodePanel() {
        List<DemandSeries> out = new ArrayList<>();
        int d = panel.driverNames().size();
        for (int n = 0; n < nodes.size(); n++) {
            int[] m = members.get(n);
            if (m.length == 1 && n >= aggregates()) {
                out.add(panel.series().get(m[0]));
                continue;
            }
            int len = 0;
            for (int i : m) len = Math.max(len, panel.series().get(i).units().length);
            double[] units = new double[len];
            Arrays.fill(units, Double.NaN);
            double[][] drivers = new double[panel.length()][d];
            for (int i : m) {
                DemandSeries s = panel.series().get(i);
                for (int t = 0; t < s.units().length; t++) {
                    if (Double.isNaN(s.units()[t])) continue;
                    units[t] = (Double.isNaN(units[t]) ? 0 : units[t]) + s.units()[t];
                }
                for (int t = 0; t < panel.length(); t++) for (int j = 0; j < d; j++) drivers[t][j] += s.drivers()[t][j] / m.length;
            }
            out.add(new DemandSeries(nodes.get(n), units, drivers));
        }
        return new Panel(panel.driverNames(), panel.localDrivers(), panel.seasonPeriod(), panel.length(), out);
    }

    /**
     * Reconciles base forecasts of every node (in {@link #nodes()} order, all with the same horizon, levels and
     * number of paths).
     *
     * @param weights variance of each node's base errors (WLS); {@code null} for OLS
     */
    public List<QuantileForecast> reconcile(List<QuantileForecast> base, double[] weights) {
        int n = nodes.size(), b = panel.size();
        if (base.size() != n) throw new IllegalArgumentException("base forecasts: need " + n + " nodes, got " + base.size());
        DMatrixRMaj s = new DMatrixRMaj(n, b);
        for (int r = 0; r < n; r++) for (int i : members.get(r)) s.set(r, i, 1);
        DMatrixRMaj winvS = s.copy();
        for (int r = 0; r < n; r++) {
            double w = weights == null ? 1 : weights[r];
            if (!(w > 0)) throw new IllegalArgumentException("weights must be positive, got " + w + " for " + nodes.get(r));
            for (int c = 0; c < b; c++) winvS.set(r, c, winvS.get(r, c) / w);
        }
        DMatrixRMaj sws = new DMatrixRMaj(b, b);
        CommonOps_DDRM.multTransA(s, winvS, sws);
        DMatrixRMaj inv = new DMatrixRMaj(b, b);
        if (!CommonOps_DDRM.invert(sws, inv)) throw new IllegalStateException("hierarchy matrix is singular");
        DMatrixRMaj g = new DMatrixRMaj(b, n);
        CommonOps_DDRM.multTransB(inv, winvS, g); // (S'W⁻¹S)⁻¹ S'W⁻¹
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(s, g, p);             // S G: the projection onto coherent forecasts

        QuantileForecast first = base.get(0);
        int horizon = first.horizon(), paths = first.paths().length;
        double[][][] rp = new double[n][paths][horizon];
        double[][] mean = new double[n][horizon];
        DMatrixRMaj y = new DMatrixRMaj(n, 1), out = new DMatrixRMaj(n, 1);
        for (int h = 0; h < horizon; h++) {
            for (int r = 0; r < n; r++) y.set(r, 0, base.get(r).mean()[h]);
            CommonOps_DDRM.mult(p, y, out);
            for (int r = 0; r < n; r++) mean[r][h] = out.get(r, 0);
            for (int k = 0; k < paths; k++) {
                for (int r = 0; r < n; r++) y.set(r, 0, base.get(r).paths()[k][h]);
                CommonOps_DDRM.mult(p, y, out);
                for (int r = 0; r < n; r++) rp[r][k][h] = out.get(r, 0);
            }
        }
        List<QuantileForecast> result = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            QuantileForecast f = base.get(r);
            double[][] q = new double[horizon][f.probs().length];
            for (int h = 0; h < horizon; h++) {
                if (paths == 0) {
                    // Without paths, shift the base quantiles by the change of the mean.
                    for (int j = 0; j < q[h].length; j++) q[h][j] = f.quantiles()[h][j] + mean[r][h] - f.mean()[h];
                } else {
                    double[] col = new double[paths];
                    for (int k = 0; k < paths; k++) col[k] = rp[r][k][h];
                    Arrays.sort(col);
                    for (int j = 0; j < q[h].length; j++) q[h][j] = AisleForecaster.empirical(col, f.probs()[j]);
                }
            }
            result.add(new QuantileForecast(nodes.get(r), f.origin(), f.probs(), q, mean[r], rp[r]));
        }
        return result;
    }
}
