package io.aisle.forecast.model;

import io.aisle.forecast.DemandSeries;
import io.aisle.forecast.Panel;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One gradient-boosted model (XGBoost) learned across all series of a panel. Rows are (series, pseudo origin, step
 * ahead) taken from the past; features are the step, SKU and location codes, every driver of the target period (own
 * and rivals' prices, promotions), the own drivers against their recent average, recent levels of the series and its
 * value one season back. The target is the log level of the target period against the series' recent mean, so one
 * model serves small and large series. Direct multi-step: no forecast is fed back as an input.
 */
public final class GlobalBoostedModel implements PointModel {

    /** Training settings. */
    public record Config(int rounds, double eta, int maxDepth, double minChildWeight, int lookbackOrigins, int originStride,
                         int threads, long seed) {
        public static Config defaults() {
            return new Config(150, 0.1, 6, 40, 48, 3, Runtime.getRuntime().availableProcessors(), 42);
        }
    }

    private static final int MIN_SPAN = 8;
    private static final int RESIDUAL_FEATURES = 4;
    private final Config config;
    private final GlobalLinearModel base;

    /** Trees on the series' log levels. */
    public GlobalBoostedModel(Config config) { this(config, null); }

    private GlobalBoostedModel(Config config, GlobalLinearModel base) {
        this.config = config;
        this.base = base;
    }

    /**
     * Trees on what {@code base}'s regression part leaves unexplained: the regression carries the drivers' effects
     * (and extrapolates them), the trees learn how its residuals move from their recent values.
     */
    public static GlobalBoostedModel onResidualsOf(GlobalLinearModel base, Config config) {
        return new GlobalBoostedModel(config, base);
    }

    @Override public String name() { return base == null ? "global-boosted" : "global-hybrid"; }

    @Override public double[][] forecast(Panel panel, int origin, int horizon) {
        Map<String, Integer> skus = new LinkedHashMap<>(), locations = new LinkedHashMap<>();
        for (DemandSeries s : panel.series()) {
            skus.putIfAbsent(s.key().sku(), skus.size());
            locations.putIfAbsent(s.key().location(), locations.size());
        }
        int width = width(panel);
        double[][] structural = base == null ? null : base.structural(panel, origin, horizon);
        FloatRows train = new FloatRows(width);
        int from = Math.max(MIN_SPAN, origin - config.lookbackOrigins());
        for (int i = 0; i < panel.size(); i++) {
            DemandSeries s = panel.series().get(i);
            for (int o = origin - 1; o >= from; o -= config.originStride()) {
                History h = History.of(s, o);
                if (h.first() < 0 || h.span() < MIN_SPAN) continue;
                double[] fit = structural == null ? null : structural[i];
                for (int k = 0; k < horizon && o + k < origin; k++) {
                    double u = s.unitsAt(o + k);
                    if (Double.isNaN(u)) continue;
                    train.add(features(panel, s, h, fit, o, k, skus, locations, width), (float) (Math.log1p(u) - offset(h, fit, o + k)));
                }
            }
        }
        double[][] out = new double[panel.size()][horizon];
        if (train.rows() < 50) return new NaiveModel(false).forecast(panel, origin, horizon);
        Booster booster = train(train);
        FloatRows test = new FloatRows(width);
        for (int i = 0; i < panel.size(); i++) {
            DemandSeries s = panel.series().get(i);
            History h = History.of(s, origin);
            double[] fit = structural == null ? null : structural[i];
            for (int k = 0; k < horizon; k++) test.add(features(panel, s, h, fit, origin, k, skus, locations, width), 0);
        }
        try {
            float[][] pred = booster.inplace_predict(test.data(), test.rows(), width, Float.NaN,
                    new int[] {0, config.rounds()}, Booster.PredictionType.kValue, null);
            for (int i = 0; i < panel.size(); i++) {
                History h = History.of(panel.series().get(i), origin);
                double[] fit = structural == null ? null : structural[i];
                for (int k = 0; k < horizon; k++) {
                    double v = h.first() < 0 ? 0 : offset(h, fit, origin + k) + pred[i * horizon + k][0];
                    out[i][k] = Double.isFinite(v) ? Math.max(0, v) : h.last();
                }
            }
            booster.dispose();
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
        return out;
    }

    private Booster train(FloatRows rows) {
        try {
            DMatrix m = new DMatrix(rows.data(), rows.rows(), rows.width(), Float.NaN);
            m.setLabel(rows.labels());
            Map<String, Object> p = new HashMap<>();
            p.put("objective", "reg:squarederror");
            p.put("eta", config.eta());
            p.put("max_depth", config.maxDepth());
            p.put("min_child_weight", config.minChildWeight());
            p.put("subsample", 0.8);
            p.put("colsample_bytree", 0.8);
            p.put("tree_method", "hist");
            p.put("seed", config.seed());
            p.put("nthread", config.threads());
            p.put("verbosity", 0);
            Booster b = XGBoost.train(m, p, config.rounds(), Map.of(), null, null);
            m.dispose();
            return b;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    private static int width(Panel panel) {
        return 3 + panel.driverNames().size() + panel.localDrivers() + 9 + RESIDUAL_FEATURES;
    }

    /** What the trees' output is added to: the regression's fit for period t, or else the recent mean level. */
    private static double offset(History h, double[] fit, int t) {
        return fit == null ? h.meanLast(13) : fit[t];
    }

    private static float[] features(Panel panel, DemandSeries s, History h, double[] fit, int origin, int k,
                                    Map<String, Integer> skus, Map<String, Integer> locations, int width) {
        float[] f = new float[width];
        int t = origin + k;
        int c = 0;
        f[c++] = k;
        f[c++] = skus.get(s.key().sku());
        f[c++] = locations.get(s.key().location());
        double[] d = s.drivers()[t];
        for (double v : d) f[c++] = (float) v;
        for (int j = 0; j < panel.localDrivers(); j++) {
            double m = 0;
            int n = 0;
            for (int q = Math.max(h.first(), origin - 13); q < origin; q++, n++) m += s.drivers()[q][j];
            f[c++] = n == 0 ? Float.NaN : (float) (d[j] - m / n);
        }
        double base = h.meanLast(13);
        f[c++] = (float) (h.last() - base);
        f[c++] = (float) (h.meanLast(4) - base);
        f[c++] = (float) (h.meanLast(52) - base);
        f[c++] = (float) (h.meanLast(10_000) - base);
        f[c++] = (float) h.sdLast(13);
        f[c++] = (float) base;
        int m = panel.seasonPeriod();
        int back = t - m;
        f[c++] = m > 1 && back >= 0 && back >= h.first() && back < origin ? (float) (h.y()[back] - base) : Float.NaN;
        f[c++] = (float) (t % m);
        f[c++] = h.span();
        if (fit == null) {
            for (int j = 0; j < RESIDUAL_FEATURES; j++) f[c++] = Float.NaN;
        } else {
            // The regression's recent residuals (its level error) and how far its fit for t sits from the recent level.
            f[c++] = (float) (h.last() - fit[origin - 1]);
            f[c++] = (float) residualMean(h, fit, origin, 4);
            f[c++] = (float) residualMean(h, fit, origin, 13);
            f[c++] = (float) (fit[t] - base);
        }
        return f;
    }

    private static double residualMean(History h, double[] fit, int origin, int n) {
        int from = Math.max(h.first(), origin - n);
        double sum = 0;
        for (int q = from; q < origin; q++) sum += h.y()[q] - fit[q];
        return origin > from ? sum / (origin - from) : Double.NaN;
    }

    /** A growing row-major float table with labels, the shape XGBoost reads. */
    private static final class FloatRows {
        private final int width;
        private float[] data = new float[1 << 16];
        private float[] labels = new float[1 << 12];
        private int rows;

        FloatRows(int width) { this.width = width; }

        void add(float[] row, float label) {
            if ((rows + 1) * width > data.length) data = java.util.Arrays.copyOf(data, data.length * 2);
            if (rows + 1 > labels.length) labels = java.util.Arrays.copyOf(labels, labels.length * 2);
            System.arraycopy(row, 0, data, rows * width, width);
            labels[rows++] = label;
        }

        int rows() { return rows; }
        int width() { return width; }
        float[] data() { return rows * width == data.length ? data : java.util.Arrays.copyOf(data, rows * width); }
        float[] labels() { return java.util.Arrays.copyOf(labels, rows); }
    }
}
