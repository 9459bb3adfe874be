package io.aisle.bench.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * R's forecast package as baselines: {@code ets}, {@code auto.arima} and {@code auto.arima} with regressors (own log
 * price, deal, feat) on log units, run series by series from a generated script through {@code Rscript}, single
 * threaded (each model one process; the three run side by side, alongside Aisle). Quantiles come from the models' own prediction intervals (levels 20..80).
 */
final class RBaselines {
    static final List<String> MODELS = List.of("r-ets", "r-auto-arima", "r-auto-arima-x");

    private static final String SCRIPT = """
            suppressMessages(library(forecast))
            a <- commandArgs(TRUE); d <- read.csv(a[1]); model <- a[3]; h <- as.integer(a[4])
            lv <- c(20, 40, 60, 80)
            out <- list(); n <- 0
            for (s in split(d, list(d$id, d$origin), drop = TRUE)) {
              tr <- s[s$test == 0, ]; te <- s[s$test == 1, ]
              y <- ts(log(tr$units))
              q <- tryCatch({
                if (model == "r-ets") { f <- forecast(ets(y), h = h, level = lv)
                } else if (model == "r-auto-arima") { f <- forecast(auto.arima(y, parallel = FALSE), h = h, level = lv)
                } else {
                  x <- as.matrix(tr[, c("lp", "deal", "feat")]); xf <- as.matrix(te[, c("lp", "deal", "feat")])
                  keep <- apply(x, 2, function(c) length(unique(c)) > 1)
                  if (any(keep)) {
                    fit <- auto.arima(y, xreg = x[, keep, drop = FALSE], parallel = FALSE)
                    f <- forecast(fit, xreg = xf[, keep, drop = FALSE], h = h, level = lv)
                  } else f <- forecast(auto.arima(y, parallel = FALSE), h = h, level = lv)
                }
                cbind(f$lower[, 4], f$lower[, 3], f$lower[, 2], f$lower[, 1], f$mean, f$upper[, 1], f$upper[, 2], f$upper[, 3], f$upper[, 4])
              }, error = function(e) matrix(rep(tail(y, 1), 9 * h), nrow = h))
              n <- n + 1
              out[[n]] <- data.frame(id = s$id[1], origin = s$origin[1], step = seq_len(h), exp(q))
            }
            write.csv(do.call(rbind, out), a[2], row.names = FALSE)
            """;

    private RBaselines() {}

    /** Whether {@code Rscript} with the forecast package can run here. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("Rscript", "-e", "suppressMessages(library(forecast))").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Writes one input file for all series x origins: training weeks (filled) then test weeks with their drivers. */
    static Path writeInput(OrangeJuiceData data, int[] origins, int horizon, Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("id,origin,test,units,lp,deal,feat\n");
        var series = data.panel().series();
        for (int o : origins) {
            for (int i = 0; i < series.size(); i++) {
                var s = series.get(i);
                double[] filled = filledUnits(s.units(), o);
                int first = firstObserved(s.units(), o);
                if (first < 0 || o - first < 3) continue;
                for (int t = first; t < o + horizon; t++) {
                    double[] d = s.drivers()[t];
                    sb.append(i).append(',').append(o).append(',').append(t >= o ? 1 : 0).append(',')
                            .append(t < o ? filled[t] : 1).append(',').append(d[0]).append(',').append(d[1]).append(',')
                            .append(d[2]).append('\n');
                }
            }
        }
        Path in = dir.resolve("r-input.csv");
        Files.writeString(in, sb);
        return in;
    }

    /** One R baseline running in its own process, with the wall time it took once done. */
    record Running(String model, Process process, Path out, Path log, long startNanos, java.util.concurrent.CompletableFuture<Long> endNanos) {}

    /** Starts {@code model} in its own single-threaded Rscript process. */
    static Running start(String model, Path input, int horizon, Path dir) {
        try {
            Path script = dir.resolve("baselines.R");
            if (!Files.exists(script)) Files.writeString(script, SCRIPT);
            Path out = dir.resolve(model + ".csv");
            Path log = dir.resolve(model + ".log");
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("Rscript", script.toString(), input.toString(), out.toString(), model,
                    String.valueOf(horizon)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Running(model, p, out, log, t0, p.onExit().thenApply(x -> System.nanoTime()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code r}; returns quantiles by "series origin" key, {@code [h][9]} in units. */
    static Map<String, double[][]> collect(Running r, int horizon) {
        try {
            int rc = r.process().waitFor();
            if (rc != 0) throw new IllegalStateException(r.model() + ": Rscript exited " + rc + ", see " + r.log());
            Map<String, double[][]> q = new HashMap<>();
            List<String> lines = Files.readAllLines(r.out());
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                String key = f[0] + " " + f[1];
                int step = Integer.parseInt(f[2]) - 1;
                double[] row = new double[9];
                for (int j = 0; j < 9; j++) row[j] = Double.parseDouble(f[3 + j]);
                q.computeIfAbsent(key, k -> new double[horizon][])[step] = row;
            }
            return q;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static int firstObserved(double[] units, int origin) {
        for (int t = 0; t < origin && t < units.length; t++) if (!Double.isNaN(units[t])) return t;
        return -1;
    }

    /** Interior gaps filled linearly, trailing ones with the last value. */
    static double[] filledUnits(double[] units, int origin) {
        double[] y = new double[origin];
        int last = -1;
        for (int t = 0; t < origin; t++) {
            y[t] = units[t];
            if (Double.isNaN(units[t])) continue;
            if (last >= 0) for (int g = last + 1; g < t; g++) y[g] = units[last] + (units[t] - units[last]) * (g - last) / (t - last);
            last = t;
        }
        for (int t = last + 1; t < origin && last >= 0; t++) y[t] = units[last];
        return y;
    }
}
