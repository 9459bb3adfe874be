package io.aisle.forecast.inventory;

import io.aisle.forecast.QuantileForecast;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Demand over a span of periods as samples drawn from a forecast's paths (or its quantiles when it has none). */
public final class DemandSamples {
    private DemandSamples() {}

    /**
     * Total demand over {@code periods} periods from step {@code from}, one value per sample: from the forecast's
     * sample paths, or else comonotone draws from its quantiles. Steps beyond the horizon repeat the last one.
     */
    public static double[] over(QuantileForecast f, int from, LeadTime periods, int review, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] out = new double[n];
        int horizon = f.horizon();
        for (int s = 0; s < n; s++) {
            int span = periods.sample(rnd) + review;
            double[] path = f.paths().length > 0 ? f.paths()[rnd.nextInt(f.paths().length)] : null;
            double u = rnd.nextDouble();
            double total = 0;
            for (int k = from; k < from + span; k++) {
                int step = Math.min(horizon - 1, k);
                total += path != null ? path[step] : f.quantile(step, u);
            }
            out[s] = total;
        }
        Arrays.sort(out);
        return out;
    }

    /** The empirical quantile of sorted samples. */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) return 0;
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double mean(double[] samples) { return Arrays.stream(samples).average().orElse(0); }
}
