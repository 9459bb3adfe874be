package io.aisle.forecast;

import java.util.List;

/**
 * Series that share one period grid (weeks or days) and one list of driver names, so a global model can learn across
 * them.
 *
 * @param driverNames  names of the driver columns of every series
 * @param localDrivers the first this many drivers are the series' own (price, promotions), used by per-series models;
 *                     the rest (e.g. rivals' prices) only by the global model
 * @param seasonPeriod periods per seasonal cycle (52 for weeks, 7 for days)
 * @param length       periods in the grid, future ones included
 */
public record Panel(List<String> driverNames, int localDrivers, int seasonPeriod, int length, List<DemandSeries> series) {
    public Panel {
        driverNames = List.copyOf(driverNames);
        series = List.copyOf(series);
        if (localDrivers < 0 || localDrivers > driverNames.size())
            throw new IllegalArgumentException("localDrivers must be 0.." + driverNames.size() + ", got " + localDrivers);
        if (seasonPeriod < 1) throw new IllegalArgumentException("seasonPeriod must be positive, got " + seasonPeriod);
        for (DemandSeries s : series) {
            if (s.drivers().length < length)
                throw new IllegalArgumentException("drivers of " + s.key() + " cover " + s.drivers().length + " periods, the grid has " + length);
            for (double[] row : s.drivers()) {
                if (row.length != driverNames.size())
                    throw new IllegalArgumentException("drivers of " + s.key() + " must have " + driverNames.size() + " columns");
            }
        }
    }

    public int size() { return series.size(); }
}
