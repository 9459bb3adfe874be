package io.aisle.pricing;

import java.util.Arrays;

/** Mean and 10th/50th/90th percentiles of a simulated quantity. */
public record Distribution(double mean, double p10, double p50, double p90) {
    public static Distribution of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return new Distribution(Arrays.stream(v).average().orElse(Double.NaN), quantile(v, 0.1), quantile(v, 0.5), quantile(v, 0.9));
    }

    /** Linear-interpolated quantile of sorted values. */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
