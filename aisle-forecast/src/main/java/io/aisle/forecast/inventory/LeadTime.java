package io.aisle.forecast.inventory;

import java.util.SplittableRandom;

/**
 * A lead-time distribution in whole periods.
 *
 * @param periods possible lead times, each at least 0
 * @param probs   their probabilities, summing to 1
 */
public record LeadTime(int[] periods, double[] probs) {
    public LeadTime {
        if (periods.length == 0 || periods.length != probs.length)
            throw new IllegalArgumentException("leadTime: periods and probs must be non-empty and of equal length");
        double sum = 0;
        for (int i = 0; i < periods.length; i++) {
            if (periods[i] < 0) throw new IllegalArgumentException("leadTime.periods must not be negative, got " + periods[i]);
            if (!(probs[i] >= 0)) throw new IllegalArgumentException("leadTime.probs must not be negative, got " + probs[i]);
            sum += probs[i];
        }
        if (Math.abs(sum - 1) > 1e-6) throw new IllegalArgumentException("leadTime.probs must sum to 1, got " + sum);
        periods = periods.clone();
        probs = probs.clone();
    }

    /** A lead time that is always {@code periods}. */
    public static LeadTime fixed(int periods) { return new LeadTime(new int[] {periods}, new double[] {1}); }

    public int max() {
        int m = 0;
        for (int p : periods) m = Math.max(m, p);
        return m;
    }

    public double mean() {
        double m = 0;
        for (int i = 0; i < periods.length; i++) m += periods[i] * probs[i];
        return m;
    }

    /** One draw. */
    public int sample(SplittableRandom rnd) {
        double u = rnd.nextDouble(), c = 0;
        for (int i = 0; i < periods.length; i++) {
            c += probs[i];
            if (u < c) return periods[i];
        }
        return periods[periods.length - 1];
    }
}
