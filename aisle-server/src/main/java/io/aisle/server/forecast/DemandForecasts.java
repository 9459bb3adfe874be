package io.aisle.server.forecast;

import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.port.EventLog;
import io.aisle.forecast.AisleForecaster;
import io.aisle.forecast.DemandSeries;
import io.aisle.forecast.ForecastConfig;
import io.aisle.forecast.Panel;
import io.aisle.forecast.QuantileForecast;
import io.aisle.forecast.SeriesKey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Weekly demand per SKU from the event log's purchases (location {@value #ONLINE}: events carry no store), and
 * forecasts of it. Weeks start on Monday (UTC); the week in progress is not history yet. The log is read
 * incrementally, so each request only folds in the purchases since the last one.
 */
public final class DemandForecasts {
    public static final String ONLINE = "online";
    private static final int BATCH = 5_000;

    private final EventLog events;
    private final Clock clock;
    private final ForecastConfig config;
    private final Map<String, TreeMap<Long, double[]>> weekly = new HashMap<>(); // sku -> week -> {units, revenue}
    private long offset;

    public DemandForecasts(EventLog events, Clock clock, ForecastConfig config) {
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    /** A SKU's weekly history and its forecast from the current week on. */
    public record SkuForecast(SeriesKey key, LocalDate firstWeek, double[] history, QuantileForecast forecast) {
        /** Monday of history week {@code t} (forecast step h is week {@code history.length + h}). */
        public LocalDate week(int t) { return firstWeek.plusWeeks(t); }
    }

    /** The forecast of {@code sku} at {@code location}, or empty when it has no purchases there. */
    public synchronized Optional<SkuForecast> forecast(String sku, String location, int horizon) {
        if (!ONLINE.equals(location)) return Optional.empty();
        catchUp();
        TreeMap<Long, double[]> weeks = weekly.get(sku);
        if (weeks == null || weeks.isEmpty()) return Optional.empty();
        long now = weekOf(LocalDate.now(clock));
        long first = weeks.firstKey();
        int length = (int) Math.max(1, now - first);
        double[] units = new double[length];
        double[][] drivers = new double[length + horizon][2];
        double lastPrice = Double.NaN;
        for (int t = 0; t < length + horizon; t++) {
            double[] w = t < length ? weeks.get(first + t) : null;
            if (t < length) units[t] = w == null ? 0 : w[0]; // a week without purchases sold nothing
            if (w != null && w[0] > 0 && w[1] > 0) lastPrice = Math.log(w[1] / w[0]);
            drivers[t][0] = Double.isNaN(lastPrice) ? 0 : lastPrice;
        }
        // Weeks before the first price seen take that first price; future weeks keep the last one.
        double firstPrice = Double.NaN;
        for (double[] d : drivers) if (d[0] != 0) { firstPrice = d[0]; break; }
        for (double[] d : drivers) if (d[0] == 0 && !Double.isNaN(firstPrice)) d[0] = firstPrice; else if (d[0] != 0) break;
        SeriesKey key = new SeriesKey(sku, location);
        Panel panel = new Panel(List.of("log_price", "promo"), 2, 52, length + horizon, List.of(new DemandSeries(key, units, drivers)));
        QuantileForecast f = new AisleForecaster(config.withGlobalModel(false)).forecast(panel, length, horizon, m -> {}).forecasts().get(0);
        return Optional.of(new SkuForecast(key, LocalDate.ofEpochDay(first * 7 - 3), units, f));
    }

    private void catchUp() {
        while (true) {
            List<LoggedEvent> batch = events.readAfter(offset, BATCH);
            if (batch.isEmpty()) return;
            for (LoggedEvent le : batch) {
                offset = le.offset();
                var e = le.event();
                if (e.name() != EventName.PURCHASE) continue;
                long week = weekOf(e.timestamp().atZone(java.time.ZoneOffset.UTC).toLocalDate());
                for (EventItem it : e.items()) {
                    double[] w = weekly.computeIfAbsent(it.itemId().value(), k -> new TreeMap<>()).computeIfAbsent(week, k -> new double[2]);
                    w[0] += it.quantity();
                    if (it.price() != null) w[1] += it.price().doubleValue() * it.quantity();
                }
            }
        }
    }

    /** Weeks since the Monday before 1970-01-01 (a Thursday). */
    static long weekOf(LocalDate day) { return Math.floorDiv(day.toEpochDay() + 3, 7); }
}
