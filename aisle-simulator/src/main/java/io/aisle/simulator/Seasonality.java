package io.aisle.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * When people shop, in their local time: a daily curve with a lunch bump and an evening peak, busier weekends, and a
 * year that swells towards Christmas. Each curve averages 1, so a shopper's session rate keeps its meaning.
 */
final class Seasonality {
    /** Where shoppers live: a locale, its time zone, and its share of shoppers. */
    record Market(String locale, ZoneId zone, double share) {}

    static final List<Market> MARKETS = List.of(
            new Market("de-DE", ZoneId.of("Europe/Berlin"), 0.30),
            new Market("en-GB", ZoneId.of("Europe/London"), 0.25),
            new Market("fr-FR", ZoneId.of("Europe/Paris"), 0.20),
            new Market("nl-NL", ZoneId.of("Europe/Amsterdam"), 0.08),
            new Market("es-ES", ZoneId.of("Europe/Madrid"), 0.07),
            new Market("en-US", ZoneId.of("America/New_York"), 0.10));

    private static final double[] HOURS = normalise(new double[] {
            0.30, 0.15, 0.08, 0.05, 0.05, 0.08, 0.25, 0.55, 0.80, 0.90, 0.95, 1.05,
            1.25, 1.10, 1.00, 1.00, 1.05, 1.15, 1.35, 1.70, 1.95, 1.85, 1.30, 0.70});
    /** Monday first. */
    private static final double[] WEEKDAYS = normalise(new double[] {0.92, 0.90, 0.92, 0.95, 0.98, 1.15, 1.30});
    /** January first. */
    private static final double[] MONTHS = normalise(new double[] {
            1.05, 0.85, 0.90, 0.90, 0.92, 0.88, 0.90, 0.90, 0.95, 1.00, 1.35, 1.45});
    private static final double PEAK = max(HOURS) * max(WEEKDAYS) * max(MONTHS);

    private final ZoneRules[] rules;

    Seasonality() {
        rules = MARKETS.stream().map(m -> m.zone().getRules()).toArray(ZoneRules[]::new);
    }

    /** Session intensity at {@code epochMilli} for a shopper in {@code market}, relative to their average. */
    double traffic(long epochMilli, int market) {
        long local = epochMilli + rules[market].getOffset(Instant.ofEpochMilli(epochMilli)).getTotalSeconds() * 1000L;
        long day = Math.floorDiv(local, 86_400_000L);
        int hour = (int) (Math.floorMod(local, 86_400_000L) / 3_600_000L);
        int weekday = Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday
        return HOURS[hour] * WEEKDAYS[weekday] * MONTHS[month(day) - 1];
    }

    /** The highest {@link #traffic} can be, which bounds the thinning of session arrivals. */
    double peakTraffic() { return PEAK; }

    /** Calendar month (1..12) of a UTC epoch day. */
    static int month(long epochDay) { return LocalDate.ofEpochDay(epochDay).getMonthValue(); }

    private static double[] normalise(double[] values) {
        double mean = 0;
        for (double v : values) mean += v / values.length;
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i] / mean;
        return out;
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) m = Math.max(m, v);
        return m;
    }
}
