package io.aisle.cli;

import io.aisle.forecast.AisleForecaster;
import io.aisle.forecast.DemandSeries;
import io.aisle.forecast.ForecastConfig;
import io.aisle.forecast.Hierarchy;
import io.aisle.forecast.Panel;
import io.aisle.forecast.QuantileForecast;
import io.aisle.forecast.SeriesKey;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code aisle forecast ...}: demand forecasts from an imported sales history. */
@Command(name = "forecast", mixinStandardHelpOptions = true, description = "Forecast demand from a sales history.",
        subcommands = {ForecastCommand.Run.class})
final class ForecastCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** {@code aisle forecast run}. */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Reads a CSV with columns sku,location,period,units[,price][,promo] (period: a whole number",
                    "such as a week index; rows with empty units and a price/promo are planned future periods) and",
                    "writes quantile forecasts: sku,location,period,mean,p10..p90. With --category/--region columns the",
                    "forecasts are reconciled so SKUs add up to categories and locations to regions."})
    static final class Run implements Callable<Integer> {
        @Option(names = "--history", required = true, description = "The sales history CSV")
        Path history;
        @Option(names = "--out", required = true, description = "Where to write the forecasts CSV")
        Path out;
        @Option(names = "--horizon", description = "Periods to forecast (default: ${DEFAULT-VALUE})", defaultValue = "12")
        int horizon;
        @Option(names = "--season", description = "Periods per season: 52 weekly, 7 daily (default: ${DEFAULT-VALUE})", defaultValue = "52")
        int season;
        @Option(names = "--reconcile", description = "Also forecast SKU categories (the category column) and regions (the region column) and reconcile")
        boolean reconcile;

        @Override public Integer call() throws IOException {
            if (horizon < 1 || horizon > 104) throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--horizon must be 1..104, got " + horizon);
            Map<SeriesKey, TreeMap<Integer, double[]>> rows = new LinkedHashMap<>();
            Map<String, String> categories = new LinkedHashMap<>(), regions = new LinkedHashMap<>();
            int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE, lastObserved = Integer.MIN_VALUE;
            try (Reader in = Files.newBufferedReader(history)) {
                var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(in);
                for (String col : List.of("sku", "location", "period", "units")) {
                    if (!parser.getHeaderMap().containsKey(col)) throw new IllegalArgumentException(history + ": missing column '" + col + "'");
                }
                boolean hasPrice = parser.getHeaderMap().containsKey("price"), hasPromo = parser.getHeaderMap().containsKey("promo");
                for (CSVRecord r : parser) {
                    SeriesKey key = new SeriesKey(r.get("sku"), r.get("location"));
                    int period = parseInt(r, "period");
                    String u = r.get("units");
                    double units = u.isEmpty() ? Double.NaN : parseDouble(r, "units");
                    if (units < 0) throw new IllegalArgumentException(history + " line " + r.getRecordNumber() + ": units must not be negative");
                    double price = hasPrice && !r.get("price").isEmpty() ? parseDouble(r, "price") : Double.NaN;
                    double promo = hasPromo && !r.get("promo").isEmpty() ? parseDouble(r, "promo") : 0;
                    rows.computeIfAbsent(key, k -> new TreeMap<>()).put(period, new double[] {units, price, promo});
                    if (r.isMapped("category")) categories.put(key.sku(), r.get("category"));
                    if (r.isMapped("region")) regions.put(key.location(), r.get("region"));
                    min = Math.min(min, period);
                    max = Math.max(max, period);
                    if (!Double.isNaN(units)) lastObserved = Math.max(lastObserved, period);
                }
            }
            if (rows.isEmpty() || lastObserved == Integer.MIN_VALUE) throw new IllegalArgumentException(history + ": no rows with units");
            int origin = lastObserved - min + 1;
            int length = Math.max(max - min + 1, origin + horizon);
            List<DemandSeries> series = new ArrayList<>();
            for (var e : rows.entrySet()) {
                double[] units = new double[origin];
                double[][] drivers = new double[length][2];
                double price = Double.NaN;
                for (int t = 0; t < length; t++) {
                    double[] v = e.getValue().get(min + t);
                    if (t < origin) units[t] = v == null ? Double.NaN : v[0];
                    if (v != null && !Double.isNaN(v[1]) && v[1] > 0) price = Math.log(v[1]); // prices carry forward
                    drivers[t][0] = Double.isNaN(price) ? 0 : price;
                    drivers[t][1] = v == null ? 0 : v[2];
                }
                series.add(new DemandSeries(e.getKey(), units, drivers));
            }
            Panel panel = new Panel(List.of("log_price", "promo"), 2, season, length, series);
            ForecastConfig config = ForecastConfig.defaults();
            System.err.printf("forecast: %d series, periods %d..%d, forecasting %d from period %d%n", panel.size(), min,
                    min + origin - 1, horizon, min + origin);
            long t0 = System.nanoTime();
            List<QuantileForecast> forecasts;
            if (reconcile) {
                Hierarchy h = new Hierarchy(panel, sku -> categories.getOrDefault(sku, "all"), loc -> regions.getOrDefault(loc, "all"));
                Panel nodes = h.nodePanel();
                System.err.printf("forecast: %d nodes in the hierarchy%n", nodes.size());
                forecasts = h.reconcile(new AisleForecaster(config).forecast(nodes, origin, horizon, m -> System.err.println("forecast: " + m)).forecasts(), null);
            } else {
                forecasts = new AisleForecaster(config).forecast(panel, origin, horizon, m -> System.err.println("forecast: " + m)).forecasts();
            }
            try (Writer w = Files.newBufferedWriter(out)) {
                w.write("sku,location,period,mean,p10,p20,p30,p40,p50,p60,p70,p80,p90\n");
                for (QuantileForecast f : forecasts) {
                    for (int k = 0; k < f.horizon(); k++) {
                        StringBuilder sb = new StringBuilder();
                        sb.append(csv(f.key().sku())).append(',').append(csv(f.key().location())).append(',').append(min + origin + k)
                                .append(',').append(String.format(Locale.ROOT, "%.3f", f.mean()[k]));
                        for (double q : f.quantiles()[k]) sb.append(',').append(String.format(Locale.ROOT, "%.3f", q));
                        w.write(sb.append('\n').toString());
                    }
                }
            }
            System.err.printf("forecast: %d forecasts written to %s in %.1f s%n", forecasts.size(), out, (System.nanoTime() - t0) / 1e9);
            return 0;
        }

        private static String csv(String s) { return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s; }

        private int parseInt(CSVRecord r, String col) {
            try {
                return Integer.parseInt(r.get(col));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(history + " line " + r.getRecordNumber() + ": " + col + " must be a whole number, got '" + r.get(col) + "'");
            }
        }

        private double parseDouble(CSVRecord r, String col) {
            try {
                double v = Double.parseDouble(r.get(col));
                if (!Double.isFinite(v)) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(history + " line " + r.getRecordNumber() + ": " + col + " must be a number, got '" + r.get(col) + "'");
            }
        }
    }
}
