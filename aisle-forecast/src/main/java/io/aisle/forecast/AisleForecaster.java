package io.aisle.forecast;

import io.aisle.forecast.model.GlobalBoostedModel;
import io.aisle.forecast.model.GlobalLinearModel;
import io.aisle.forecast.model.History;
import io.aisle.forecast.model.LocalRegressionModel;
import io.aisle.forecast.model.PointModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Aisle's probabilistic forecaster: a per-series regression with smoothed errors (TSB for sparse series), a pooled
 * regression across series, and boosted trees across series (on the levels, and on the pooled regression's residuals),
 * weighted by their errors on rolling origins inside the history; the intervals are the
 * empirical quantiles of those backtest errors (scaled per series, per step ahead), so they are calibrated on past
 * forecasts, never on the periods being forecast.
 */
public final class AisleForecaster {
    private static final int MIN_GLOBAL_SERIES = 20;
    private static final int MIN_RESIDUALS = 30;
    private static final double INTERMITTENT = 0.3;
    /** Steps ahead on either side whose backtest errors are pooled into a step's quantiles: five steps' worth is steadier. */
    private static final int POOLED_STEPS = 2;

    private final ForecastConfig config;

    public AisleForecaster(ForecastConfig config) { this.config = config; }

    /** The forecasts with the model weights the backtests chose. */
    public record Run(List<QuantileForecast> forecasts, java.util.Map<String, Double> weights, int backtestResiduals,
                      java.util.Map<String, double[][]> components) {}

    /** Forecasts every series of {@code panel} for {@code horizon} periods from {@code origin}. */
    public Run forecast(Panel panel, int origin, int horizon, Consumer<String> progress) {
        if (horizon < 1) throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        if (origin < 1 || origin + horizon > panel.length())
            throw new IllegalArgumentException("origin must leave " + horizon + " periods of drivers in the grid of " + panel.length());
        List<PointModel> models = new ArrayList<>();
        models.add(new LocalRegressionModel(1.0));
        if (config.globalModel() && panel.size() >= MIN_GLOBAL_SERIES) {
            GlobalLinearModel linear = new GlobalLinearModel(GlobalLinearModel.Penalties.defaults());
            models.add(linear);
            GlobalBoostedModel.Config d = GlobalBoostedModel.Config.defaults();
            if (config.boostedRounds() > 0) {
                GlobalBoostedModel.Config boosted = new GlobalBoostedModel.Config(config.boostedRounds(), d.eta(), d.maxDepth(),
                        d.minChildWeight(), d.lookbackOrigins(), d.originStride(), d.threads(), config.seed());
                models.add(new GlobalBoostedModel(boosted));
                models.add(GlobalBoostedModel.onResidualsOf(linear, boosted));
            }
        }
        // Rolling origins inside the history: what each model would have forecast, against what happened.
        List<double[]> preds = new ArrayList<>(); // per record: one prediction per model
        List<double[]> meta = new ArrayList<>();  // per record: series, backtest, step, actual, scale
        for (int b = 1; b <= config.backtests(); b++) {
            int o = origin - b * horizon;
            if (o < 8) break;
            progress.accept(String.format("backtest %d of %d: origin %d", b, config.backtests(), o));
            double[][][] p = fitAll(models, panel, o, horizon, progress);
            for (int i = 0; i < panel.size(); i++) {
                DemandSeries s = panel.series().get(i);
                History h = History.of(s, o);
                if (h.first() < 0) continue;
                double scale = h.scale(), unitScale = unitScale(h);
                for (int k = 0; k < horizon && o + k < origin; k++) {
                    double u = s.unitsAt(o + k);
                    if (Double.isNaN(u)) continue;
                    double[] row = new double[models.size()];
                    for (int m = 0; m < models.size(); m++) row[m] = p[m][i][k];
                    preds.add(row);
                    meta.add(new double[] {i, b, k, Math.log1p(u), scale, unitScale});
                }
            }
        }
        double[] w = bestWeights(preds, meta, models.size());
        double[][] resid = residualQuantiles(preds, meta, w, horizon);
        // Whole error paths keep the dependence across steps, but only when there are enough of them to sample from.
        List<double[]> trajectories = trajectories(preds, meta, w, horizon);
        if (trajectories.size() < MIN_RESIDUALS) trajectories = List.of();

        progress.accept("fitting at origin " + origin);
        double[][][] p = fitAll(models, panel, origin, horizon, progress);
        SplittableRandom rnd = new SplittableRandom(config.seed());
        List<QuantileForecast> out = new ArrayList<>(panel.size());
        double[] probs = config.probs();
        for (int i = 0; i < panel.size(); i++) {
            DemandSeries s = panel.series().get(i);
            History h = History.of(s, origin);
            double scale = h.scale();
            double[] point = new double[horizon];
            for (int k = 0; k < horizon; k++) for (int m = 0; m < models.size(); m++) point[k] += w[m] * p[m][i][k];
            if (h.first() >= 0 && h.zeroShare() > INTERMITTENT) {
                out.add(intermittent(s, h, origin, point, rnd));
                continue;
            }
            double[][] q = new double[horizon][probs.length];
            for (int k = 0; k < horizon; k++) {
                for (int j = 0; j < probs.length; j++) q[k][j] = Math.max(0, Math.expm1(point[k] + scale * resid[k][j]));
                Arrays.sort(q[k]); // already ordered; sorting guards against rounding at equal levels
            }
            double[][] paths = new double[config.paths()][horizon];
            double[] mean = new double[horizon];
            for (int n = 0; n < config.paths(); n++) {
                double[] traj = trajectories.isEmpty() ? null : trajectories.get(rnd.nextInt(trajectories.size()));
                for (int k = 0; k < horizon; k++) {
                    double r = traj != null && !Double.isNaN(traj[k]) ? traj[k] : interpolate(probs, resid[k], rnd.nextDouble());
                    paths[n][k] = Math.max(0, Math.expm1(point[k] + scale * r));
                    mean[k] += paths[n][k] / config.paths();
                }
            }
            if (config.paths() == 0) {
                for (int k = 0; k < horizon; k++) mean[k] = Arrays.stream(q[k]).average().orElse(0);
            }
            out.add(new QuantileForecast(s.key(), origin, probs, q, mean, paths));
        }
        java.util.Map<String, Double> weights = new java.util.LinkedHashMap<>();
        java.util.Map<String, double[][]> components = new java.util.LinkedHashMap<>();
        for (int m = 0; m < models.size(); m++) {
            weights.put(models.get(m).name(), w[m]);
            components.put(models.get(m).name(), p[m]);
        }
        return new Run(out, weights, preds.size(), components);
    }

    /**
     * Sparse series: the distribution of the observed weeks of the last year (zeros included), scaled so its mean is
     * the point forecast's rate; log-scale errors say little where most weeks are zero.
     */
    private QuantileForecast intermittent(DemandSeries s, History h, int origin, double[] point, SplittableRandom rnd) {
        List<Double> seen = new ArrayList<>();
        for (int t = Math.max(h.first(), origin - 52); t < origin; t++) if (h.observed()[t]) seen.add(Math.expm1(h.y()[t]));
        for (int t = h.first(); t < origin && seen.isEmpty(); t++) if (h.observed()[t]) seen.add(Math.expm1(h.y()[t]));
        double[] sorted = seen.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0);
        int horizon = point.length;
        double[] probs = config.probs();
        double[][] q = new double[horizon][probs.length];
        double[] m = new double[horizon];
        double[][] paths = new double[config.paths()][horizon];
        for (int k = 0; k < horizon; k++) {
            double factor = mean > 0 ? Math.expm1(point[k]) / mean : 0;
            for (int j = 0; j < probs.length; j++) q[k][j] = factor * empirical(sorted, probs[j]);
            m[k] = factor * mean;
            for (int n = 0; n < paths.length; n++) paths[n][k] = factor * sorted[rnd.nextInt(sorted.length)];
        }
        return new QuantileForecast(s.key(), origin, probs, q, m, paths);
    }

    private static double[][][] fitAll(List<PointModel> models, Panel panel, int origin, int horizon, Consumer<String> progress) {
        double[][][] p = new double[models.size()][][];
        for (int m = 0; m < models.size(); m++) {
            long t0 = System.nanoTime();
            p[m] = models.get(m).forecast(panel, origin, horizon);
            progress.accept(String.format("  %s: %d series in %.1f s", models.get(m).name(), panel.size(), (System.nanoTime() - t0) / 1e9));
        }
        return p;
    }

    /**
     * Model weights on a grid of twentieths over the simplex, with the least backtest error in units scaled per series
     * (the benchmark's MASE): the ensemble is judged on the scale it is used on, not on logs.
     */
    private static double[] bestWeights(List<double[]> preds, List<double[]> meta, int models) {
        double[] best = new double[models];
        java.util.Arrays.fill(best, 1.0 / models);
        if (preds.isEmpty() || models == 1) return best;
        double bestErr = Double.MAX_VALUE;
        int steps = 20;
        int[] g = new int[models];
        while (true) {
            int used = 0;
            for (int m = 0; m < models - 1; m++) used += g[m];
            if (used <= steps) {
                g[models - 1] = steps - used;
                double err = 0;
                for (int r = 0; r < preds.size(); r++) {
                    double[] p = preds.get(r), mt = meta.get(r);
                    double f = 0;
                    for (int m = 0; m < models; m++) f += g[m] * p[m] / steps;
                    err += Math.abs(Math.expm1(mt[3]) - Math.expm1(f)) / mt[5];
                }
                if (err < bestErr) {
                    bestErr = err;
                    for (int m = 0; m < models; m++) best[m] = g[m] / (double) steps;
                }
            }
            int m = 0;
            while (m < models - 1 && ++g[m] > steps) g[m++] = 0;
            if (m == models - 1) break;
        }
        return best;
    }

    /** Mean absolute period-to-period change in units over the filled history (floored). */
    private static double unitScale(History h) {
        if (h.span() < 2) return 1;
        double s = 0;
        for (int t = h.first() + 1; t < h.length(); t++) s += Math.abs(Math.expm1(h.y()[t]) - Math.expm1(h.y()[t - 1]));
        return Math.max(1e-3, s / (h.span() - 1));
    }

    /** Per step ahead, the empirical quantiles of scaled backtest errors ({@link #POOLED_STEPS} neighbouring steps pooled). */
    private double[][] residualQuantiles(List<double[]> preds, List<double[]> meta, double[] w, int horizon) {
        double[] probs = config.probs();
        double[][] out = new double[horizon][probs.length];
        for (int k = 0; k < horizon; k++) {
            List<Double> rs = new ArrayList<>();
            for (int r = 0; r < preds.size(); r++) {
                double[] m = meta.get(r);
                if (Math.abs(m[2] - k) > POOLED_STEPS) continue;
                rs.add(scaled(preds.get(r), m, w));
            }
            if (rs.size() < MIN_RESIDUALS) {
                // Too few past forecasts: a random walk's spread on the log scale.
                for (int j = 0; j < probs.length; j++) out[k][j] = 1.25 * Math.sqrt(k + 1.0) * normalQuantile(probs[j]);
                continue;
            }
            double[] sorted = rs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            for (int j = 0; j < probs.length; j++) out[k][j] = empirical(sorted, probs[j]);
        }
        return out;
    }

    private static double scaled(double[] p, double[] m, double[] w) {
        double point = 0;
        for (int k = 0; k < p.length; k++) point += w[k] * p[k];
        return (m[3] - point) / m[4];
    }

    /** Whole backtest error paths (scaled), so sampled paths keep the errors' dependence across steps. */
    private static List<double[]> trajectories(List<double[]> preds, List<double[]> meta, double[] w, int horizon) {
        java.util.Map<Long, double[]> byRun = new java.util.LinkedHashMap<>();
        for (int r = 0; r < preds.size(); r++) {
            double[] m = meta.get(r);
            long key = (long) m[0] * 1000 + (long) m[1];
            double[] t = byRun.computeIfAbsent(key, x -> {
                double[] a = new double[horizon];
                Arrays.fill(a, Double.NaN);
                return a;
            });
            t[(int) m[2]] = scaled(preds.get(r), m, w);
        }
        return new ArrayList<>(byRun.values());
    }

    static double empirical(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double interpolate(double[] probs, double[] q, double u) {
        if (u <= probs[0]) return q[0];
        if (u >= probs[probs.length - 1]) return q[q.length - 1];
        int j = 1;
        while (probs[j] < u) j++;
        return q[j - 1] + (u - probs[j - 1]) / (probs[j] - probs[j - 1]) * (q[j] - q[j - 1]);
    }

    /** Acklam's rational approximation of the standard normal quantile. */
    static double normalQuantile(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double q, r;
        if (p < 0.02425) {
            q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) return -normalQuantile(1 - p);
        q = p - 0.5;
        r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
