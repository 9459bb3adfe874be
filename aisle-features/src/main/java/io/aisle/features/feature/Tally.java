package io.aisle.features.feature;

import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;

/**
 * The measures of one event for one entity (its group of lines), each computed once on first request. Scratch
 * space of the single writer thread.
 */
final class Tally {
    private static final Measure[] MEASURES = Measure.values();

    private final SignalWeights weights;
    private final double[] totals = new double[MEASURES.length];
    private final int[] counts = new int[MEASURES.length];
    private final long[] computedIn = new long[MEASURES.length];
    private long generation; // a measure is known for this group when computedIn equals it
    ShopperEvent event;
    long time;
    Line[] lines;
    int[] group;
    int size;

    Tally(SignalWeights weights) { this.weights = weights; }

    /** Points the tally at the lines {@code group[0..size)} of {@code event}. */
    void reset(ShopperEvent event, long time, Line[] lines, int[] group, int size) {
        this.event = event;
        this.time = time;
        this.lines = lines;
        this.group = group;
        this.size = size;
        generation++;
    }

    /** The sum of the measure over the group, skipping NaN (not applicable) values. */
    double total(Measure m) {
        compute(m);
        return totals[m.ordinal()];
    }

    /** How many values the total is made of: 1 or 0 for event measures, the applicable lines for line measures. */
    int count(Measure m) {
        compute(m);
        return counts[m.ordinal()];
    }

    private void compute(Measure m) {
        int k = m.ordinal();
        if (computedIn[k] == generation) return;
        double total = 0;
        int n = 0;
        if (m.perLine()) {
            for (int i = 0; i < size; i++) {
                double v = m.ofLine(event, lines[group[i]], weights);
                if (!Double.isNaN(v)) {
                    total += v;
                    n++;
                }
            }
        } else {
            double v = m.ofEvent(event);
            if (!Double.isNaN(v)) {
                total = v;
                n = 1;
            }
        }
        totals[k] = total;
        counts[k] = n;
        computedIn[k] = generation;
    }
}
