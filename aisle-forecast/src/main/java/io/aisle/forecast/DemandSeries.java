package io.aisle.forecast;

import java.util.Objects;

/**
 * One series on its panel's period grid: units sold per period ({@code NaN} where nothing was observed) and the
 * drivers known in advance (planned prices, promotions) for every period of the grid, future ones included.
 *
 * @param units   units per period; may be shorter than the grid (later periods unknown)
 * @param drivers {@code drivers[t][k]}: driver {@code k} in period {@code t}, for all periods of the grid
 */
public record DemandSeries(SeriesKey key, double[] units, double[][] drivers) {
    public DemandSeries {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(drivers, "drivers");
        for (double u : units) {
            if (u < 0) throw new IllegalArgumentException("units of " + key + " must not be negative, got " + u);
        }
    }

    /** Units of period {@code t}, {@code NaN} when unobserved or beyond the recorded units. */
    public double unitsAt(int t) { return t < units.length ? units[t] : Double.NaN; }
}
