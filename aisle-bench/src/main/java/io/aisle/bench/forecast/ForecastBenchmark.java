package io.aisle.bench.forecast;

import io.aisle.bench.BenchReport;
import io.aisle.forecast.AisleForecaster;
import io.aisle.forecast.ForecastConfig;
import io.aisle.forecast.Panel;
import io.aisle.forecast.QuantileForecast;
import io.aisle.forecast.model.History;
import io.aisle.forecast.model.NaiveModel;
import io.aisle.forecast.model.PooledRegressionModel;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Weekly demand forecasts on Dominick's orange juice (913 store x brand series): three rolling origins, horizon 12
 * (test weeks 125-136, 137-148, 149-160, each trained on all earlier weeks), the own price, deal and feat of the test
 * weeks known. Rows: naive, seasonal-naive, regression (pooled log-linear), R's ets / auto.arima / auto.arima with
 * regressors when {@code Rscript} is present, and aisle. Metrics overall and per window ({@code _w1.._w3}).
 */
public final class ForecastBenchmark {
    public static final int HORIZON = 12;
    private static final int[] TEST_WEEKS = {125, 137, 149};

    /** What to run. */
    public record Options(Path data, boolean withR, ForecastConfig config, int windows) {}

    private ForecastBenchmark() {}

    public static BenchReport run(Options options, PrintStream log) {
        OrangeJuiceData data = OrangeJuiceData.load(options.data());
        int[] origins = new int[Math.max(1, Math.min(TEST_WEEKS.length, options.windows()))];
        for (int w = 0; w < origins.length; w++) origins[w] = TEST_WEEKS[w] - data.firstWeek();
        log.printf("orange juice: %d series, weeks %d-%d; test weeks from %s%n", data.panel().size(), data.firstWeek(),
                data.firstWeek() + data.panel().length() - 1, java.util.Arrays.toString(java.util.Arrays.copyOf(TEST_WEEKS, origins.length)));
        ForecastScores scores = new ForecastScores(origins.length);
        // R's baselines start first and run beside Aisle, each single threaded in its own process.
        List<RBaselines.Running> r = options.withR() ? startR(data, origins, log) : List.of();
        Map<String, Double> seconds = new java.util.LinkedHashMap<>();
        var series = data.panel().series();
        for (int w = 0; w < origins.length; w++) {
            int o = origins[w];
            Panel panel = data.truncated(o);
            double[][][] naive = gaussianBands(panel, o, new NaiveModel(false).forecast(panel, o, HORIZON), naiveSd(panel, o, 1), true);
            double[][][] snaive = gaussianBands(panel, o, new NaiveModel(true).forecast(panel, o, HORIZON), naiveSd(panel, o, 52), false);
            long t0 = System.nanoTime();
            PooledRegressionModel reg = new PooledRegressionModel();
            double[][][] regression = gaussianBands(panel, o, reg.forecast(panel, o, HORIZON), reg.residualSd(panel, o), false);
            seconds.merge("regression", (System.nanoTime() - t0) / 1e9, Double::sum);
            t0 = System.nanoTime();
            int window = w + 1;
            Consumer<String> progress = m -> log.printf("  window %d: %s%n", window, m);
            AisleForecaster.Run run = new AisleForecaster(options.config()).forecast(panel, o, HORIZON, progress);
            seconds.merge("aisle", (System.nanoTime() - t0) / 1e9, Double::sum);
            log.printf("  window %d: aisle %.1f s%n", window, (System.nanoTime() - t0) / 1e9);
            log.printf("  window %d: weights %s from %d backtest errors%n", window, run.weights(), run.backtestResiduals());
            for (int i = 0; i < series.size(); i++) {
                double[] units = series.get(i).units();
                double[] actual = new double[HORIZON];
                for (int h = 0; h < HORIZON; h++) actual[h] = units[o + h];
                double scale = ForecastScores.scale(units, o);
                scores.add("naive", window, actual, naive[i], scale);
                scores.add("seasonal-naive", window, actual, snaive[i], scale);
                scores.add("regression", window, actual, regression[i], scale);
                QuantileForecast f = run.forecasts().get(i);
                scores.add("aisle", window, actual, f.quantiles(), scale);
                for (var c : run.components().entrySet()) {
                    double[][] q = new double[HORIZON][ForecastScores.PROBS.length];
                    for (int h = 0; h < HORIZON; h++) java.util.Arrays.fill(q[h], Math.expm1(c.getValue()[i][h]));
                    scores.add("aisle:" + c.getKey(), window, actual, q, scale);
                }
            }
        }
        for (String c : scores.systems()) {
            if (!c.startsWith("aisle:")) continue;
            StringBuilder line = new StringBuilder(String.format("  component %-24s mase %.4f", c.substring(6), scores.metrics(c, 0)[0]));
            for (int w = 1; w <= origins.length; w++) line.append(String.format("  w%d %.4f", w, scores.metrics(c, w)[0]));
            log.println(line);
        }
        log.printf("aisle: %d series x %d origins forecast in %.1f s%n", series.size(), origins.length, seconds.get("aisle"));
        report(scores, seconds, origins.length).print(log); // Java rows now, in case R takes long
        for (RBaselines.Running run : r) {
            log.printf("  waiting for %s%n", run.model());
            Map<String, double[][]> q = RBaselines.collect(run, HORIZON);
            seconds.put(run.model(), (run.endNanos().join() - run.startNanos()) / 1e9);
            for (int w = 0; w < origins.length; w++) {
                int o = origins[w];
                for (int i = 0; i < series.size(); i++) {
                    double[][] qi = q.get(i + " " + o);
                    if (qi == null) continue;
                    double[] units = series.get(i).units();
                    double[] actual = new double[HORIZON];
                    for (int h = 0; h < HORIZON; h++) actual[h] = units[o + h];
                    scores.add(run.model(), w + 1, actual, qi, ForecastScores.scale(units, o));
                }
            }
        }
        return report(scores, seconds, origins.length);
    }

    private static BenchReport report(ForecastScores scores, Map<String, Double> seconds, int windows) {
        BenchReport report = new BenchReport("forecast", "dominicks-oj");
        for (String system : List.of("naive", "seasonal-naive", "regression", "r-ets", "r-auto-arima", "r-auto-arima-x", "aisle")) {
            if (!scores.has(system)) continue;
            put(report, system, "", scores.metrics(system, 0));
            if (seconds.containsKey(system)) report.put(system, "seconds", seconds.get(system));
            for (int w = 1; w <= windows; w++) put(report, system, "_w" + w, scores.metrics(system, w));
        }
        return report;
    }

    private static void put(BenchReport report, String system, String suffix, double[] m) {
        if (suffix.isEmpty()) {
            report.put(system, "mase", m[0]).put(system, "smape", m[1]).put(system, "pinball", m[2]).put(system, "coverage@80", m[3]);
        } else {
            report.put(system, "mase" + suffix, m[0]).put(system, "pinball" + suffix, m[2]).put(system, "coverage" + suffix, m[3]);
        }
    }

    private static List<RBaselines.Running> startR(OrangeJuiceData data, int[] origins, PrintStream log) {
        if (!RBaselines.available()) {
            log.println("Rscript with the forecast package not found: R baselines left out");
            return List.of();
        }
        try {
            Path dir = Files.createTempDirectory("aisle-forecast-r");
            Path input = RBaselines.writeInput(data, origins, HORIZON, dir);
            List<RBaselines.Running> out = new java.util.ArrayList<>();
            for (String model : RBaselines.MODELS) {
                log.printf("  %s: started in R (%s)%n", model, dir);
                out.add(RBaselines.start(model, input, HORIZON, dir));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per series, the sd of log changes over {@code lag} periods in the filled history. */
    private static double[] naiveSd(Panel panel, int origin, int lag) {
        double[] sd = new double[panel.size()];
        for (int i = 0; i < panel.size(); i++) {
            History h = History.of(panel.series().get(i), origin);
            double s = 0;
            int n = 0;
            for (int t = Math.max(0, h.first()) + lag; t < origin && h.first() >= 0; t++) {
                double d = h.y()[t] - h.y()[t - lag];
                s += d * d;
                n++;
            }
            sd[i] = n > 1 ? Math.sqrt(s / n) : (lag == 1 ? 0.5 : naiveSd(panel, origin, 1)[i]);
        }
        return sd;
    }

    /** Normal quantiles on the log scale around the point, widening with the square root of the step when asked. */
    private static double[][][] gaussianBands(Panel panel, int origin, double[][] point, double[] sd, boolean randomWalk) {
        double[] z = new double[ForecastScores.PROBS.length];
        for (int j = 0; j < z.length; j++) z[j] = inverseNormal(ForecastScores.PROBS[j]);
        double[][][] out = new double[panel.size()][HORIZON][z.length];
        for (int i = 0; i < panel.size(); i++) {
            for (int h = 0; h < HORIZON; h++) {
                double s = sd[i] * (randomWalk ? Math.sqrt(h + 1) : 1);
                for (int j = 0; j < z.length; j++) out[i][h][j] = Math.max(0, Math.expm1(point[i][h] + z[j] * s));
            }
        }
        return out;
    }

    private static double inverseNormal(double p) {
        // Deciles only: the table avoids a numerical routine for nine fixed values.
        double[] probs = ForecastScores.PROBS;
        double[] z = {-1.2815515655, -0.8416212336, -0.5244005127, -0.2533471031, 0, 0.2533471031, 0.5244005127, 0.8416212336, 1.2815515655};
        for (int j = 0; j < probs.length; j++) if (Math.abs(probs[j] - p) < 1e-9) return z[j];
        throw new IllegalArgumentException("no normal quantile stored for " + p);
    }
}
