package io.aisle.bench.forecast;

import io.aisle.bench.OrangeJuiceFile;
import io.aisle.forecast.DemandSeries;
import io.aisle.forecast.Panel;
import io.aisle.forecast.SeriesKey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dominick's refrigerated orange juice (bayesm {@code orangeJuice$yx}): one weekly series per store x brand, units =
 * exp(logmove). Drivers: own log price, deal, feat (the series' own) and the log prices of all eleven brands in the
 * store that week. Weeks missing from the file have no units; their drivers are interpolated (prices) or carried
 * (deal, feat) so the grid is complete.
 */
record OrangeJuiceData(Panel panel, int firstWeek) {
    static final int BRANDS = OrangeJuiceFile.BRANDS;

    static OrangeJuiceData load(Path data) {
        Map<String, Map<Integer, double[]>> rows = new TreeMap<>();
        int minWeek = Integer.MAX_VALUE, maxWeek = Integer.MIN_VALUE;
        for (OrangeJuiceFile.Row r : OrangeJuiceFile.read(data).rows()) {
            double[] v = new double[2 + 2 + BRANDS];
            v[0] = Math.exp(r.logMove());
            v[1] = Math.log(r.ownPrice());
            v[2] = r.deal();
            v[3] = r.feat();
            for (int b = 1; b <= BRANDS; b++) v[3 + b] = Math.log(r.prices()[b - 1]);
            rows.computeIfAbsent(String.format("%03d-%02d", r.store(), r.brand()), k -> new TreeMap<>()).put(r.week(), v);
            minWeek = Math.min(minWeek, r.week());
            maxWeek = Math.max(maxWeek, r.week());
        }
        int length = maxWeek - minWeek + 1;
        List<String> names = new ArrayList<>(List.of("log_price", "deal", "feat"));
        for (int b = 1; b <= BRANDS; b++) names.add("log_price" + b);
        List<DemandSeries> series = new ArrayList<>();
        for (var e : rows.entrySet()) {
            String[] sb = e.getKey().split("-");
            double[] units = new double[length];
            java.util.Arrays.fill(units, Double.NaN);
            double[][] drivers = new double[length][names.size()];
            Map<Integer, double[]> byWeek = e.getValue();
            int[] weeks = byWeek.keySet().stream().mapToInt(Integer::intValue).toArray();
            for (int t = 0; t < length; t++) {
                int week = minWeek + t;
                double[] v = byWeek.get(week);
                if (v != null) {
                    units[t] = v[0];
                    System.arraycopy(v, 1, drivers[t], 0, names.size());
                    continue;
                }
                // Between two recorded weeks: prices interpolated, promotions off; outside: the nearest recorded week.
                int after = java.util.Arrays.binarySearch(weeks, week);
                after = -after - 1;
                double[] lo = after > 0 ? byWeek.get(weeks[after - 1]) : null;
                double[] hi = after < weeks.length ? byWeek.get(weeks[after]) : null;
                for (int k = 0; k < names.size(); k++) {
                    double a = lo == null ? hi[k + 1] : lo[k + 1], b = hi == null ? lo[k + 1] : hi[k + 1];
                    boolean promo = k == 1 || k == 2;
                    if (lo != null && hi != null && !promo) {
                        double w = (week - weeks[after - 1]) / (double) (weeks[after] - weeks[after - 1]);
                        drivers[t][k] = a + w * (b - a);
                    } else {
                        drivers[t][k] = promo && lo != null && hi != null ? 0 : a;
                    }
                }
            }
            series.add(new DemandSeries(new SeriesKey("brand-" + Integer.parseInt(sb[1]), "store-" + Integer.parseInt(sb[0])),
                    units, drivers));
        }
        return new OrangeJuiceData(new Panel(names, 3, 52, length, series), minWeek);
    }

    /** The same panel with units from {@code origin} on removed, so no model can see the test weeks. */
    Panel truncated(int origin) {
        List<DemandSeries> cut = panel.series().stream()
                .map(s -> new DemandSeries(s.key(), java.util.Arrays.copyOf(s.units(), origin), s.drivers()))
                .toList();
        return new Panel(panel.driverNames(), panel.localDrivers(), panel.seasonPeriod(), panel.length(), cut);
    }
}
