package io.aisle.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small synthetic panels for tests: weekly demand with a price effect and promotions. */
final class TestPanels {
    private TestPanels() {}

    /** One series with the given units (NaN = missing) and a flat price, over a grid {@code horizon} longer. */
    static Panel single(double[] units, int horizon) {
        int length = units.length + horizon;
        double[][] d = new double[length][2];
        for (double[] row : d) row[0] = Math.log(2.0);
        return new Panel(List.of("log_price", "promo"), 2, 52, length,
                List.of(new DemandSeries(new SeriesKey("sku-1", "store-1"), units, d)));
    }

    /** {@code skus} x {@code stores} series of log-linear demand with price changes and promotions. */
    static Panel synthetic(int skus, int stores, int weeks, int horizon, long seed) {
        Random rnd = new Random(seed);
        int length = weeks + horizon;
        List<DemandSeries> out = new ArrayList<>();
        for (int s = 0; s < stores; s++) {
            for (int k = 0; k < skus; k++) {
                double level = 3 + rnd.nextDouble() * 2;
                double[] units = new double[weeks];
                double[][] d = new double[length][2];
                for (int t = 0; t < length; t++) {
                    double price = Math.log(2 + (rnd.nextDouble() < 0.2 ? -0.5 : 0));
                    double promo = rnd.nextDouble() < 0.1 ? 1 : 0;
                    d[t][0] = price;
                    d[t][1] = promo;
                    if (t < weeks) {
                        double mu = level - 2 * (price - Math.log(2)) + 0.5 * promo + 0.1 * rnd.nextGaussian();
                        units[t] = Math.round(Math.exp(mu));
                    }
                }
                out.add(new DemandSeries(new SeriesKey("sku-" + k, "store-" + s), units, d));
            }
        }
        return new Panel(List.of("log_price", "promo"), 2, 52, length, out);
    }
}
