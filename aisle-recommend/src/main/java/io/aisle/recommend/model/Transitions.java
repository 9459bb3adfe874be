package io.aisle.recommend.model;

import io.aisle.recommend.data.Sequences;
import java.util.Arrays;

/**
 * Sequence-aware item-to-item transitions: items that follow each other closely in histories are linked, weighted
 * by {@code decay^(distance-1)} within a window (links backwards in time count {@code backward} as much). A history
 * scores items from its last few items, the most recent weighing most ({@code recency^age}).
 */
public final class Transitions implements ItemScorer {

    /**
     * @param window     how many following positions an item links to
     * @param decay      weight factor per extra position of distance
     * @param backward   weight of links to earlier items, relative to later ones
     * @param lastItems  how many of the most recent history items score
     * @param recency    weight factor per step back in the history
     * @param sourceNorm exponent of the source item's count the row is divided by (balances frequent and rare items)
     * @param targetNorm exponent of the target item's count an entry is divided by (damps popular targets)
     * @param neighbours entries kept per item
     */
    public record Config(int window, double decay, double backward, int lastItems, double recency,
                         double sourceNorm, double targetNorm, int neighbours) {
        public Config {
            if (window < 1) throw new IllegalArgumentException("window must be >= 1, got " + window);
            if (!(decay > 0 && decay <= 1)) throw new IllegalArgumentException("decay must be in (0,1], got " + decay);
            if (!(backward >= 0 && backward <= 1)) throw new IllegalArgumentException("backward must be in [0,1], got " + backward);
            if (lastItems < 1) throw new IllegalArgumentException("lastItems must be >= 1, got " + lastItems);
            if (!(recency > 0 && recency <= 1)) throw new IllegalArgumentException("recency must be in (0,1], got " + recency);
            if (!(sourceNorm >= 0 && sourceNorm <= 1)) throw new IllegalArgumentException("sourceNorm must be in [0,1], got " + sourceNorm);
            if (!(targetNorm >= 0 && targetNorm <= 1)) throw new IllegalArgumentException("targetNorm must be in [0,1], got " + targetNorm);
            if (neighbours < 1) throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
        }

        public static Config defaults() { return new Config(5, 0.6, 0.5, 5, 0.5, 1.0, 0.0, 200); }

        public Config withWindow(int v) { return new Config(v, decay, backward, lastItems, recency, sourceNorm, targetNorm, neighbours); }
        public Config withDecay(double v) { return new Config(window, v, backward, lastItems, recency, sourceNorm, targetNorm, neighbours); }
        public Config withBackward(double v) { return new Config(window, decay, v, lastItems, recency, sourceNorm, targetNorm, neighbours); }
        public Config withLastItems(int v) { return new Config(window, decay, backward, v, recency, sourceNorm, targetNorm, neighbours); }
        public Config withRecency(double v) { return new Config(window, decay, backward, lastItems, v, sourceNorm, targetNorm, neighbours); }
        public Config withSourceNorm(double v) { return new Config(window, decay, backward, lastItems, recency, v, targetNorm, neighbours); }
        public Config withTargetNorm(double v) { return new Config(window, decay, backward, lastItems, recency, sourceNorm, v, neighbours); }
    }

    private final SparseRows links;
    private final Config config;
    private final float[] prior;

    private Transitions(SparseRows links, Config config, float[] prior) {
        this.links = links;
        this.config = config;
        this.prior = prior;
    }

    public static Transitions train(Sequences data, Config config) {
        int items = data.itemCount();
        Occurrences occ = Occurrences.of(data);
        int[] counts = data.itemCounts();
        float[] decayAt = new float[config.window() + 1];
        for (int d = 1; d <= config.window(); d++) decayAt[d] = (float) Math.pow(config.decay(), d - 1);
        float backward = (float) config.backward();
        SparseRows.Builder rows = new SparseRows.Builder(items);
        for (int i = 0; i < items; i++) {
            int[] us = occ.users[i];
            int[] ps = occ.positions[i];
            for (int k = 0; k < us.length; k++) {
                int[] h = data.history(us[k]);
                int p = ps[k];
                int end = Math.min(h.length - 1, p + config.window());
                for (int q = p + 1; q <= end; q++) if (h[q] != i) rows.add(h[q], decayAt[q - p]);
                if (backward > 0) {
                    int start = Math.max(0, p - config.window());
                    for (int q = start; q < p; q++) if (h[q] != i) rows.add(h[q], backward * decayAt[p - q]);
                }
            }
            double source = Math.pow(Math.max(1, counts[i]), config.sourceNorm());
            rows.finishRow(i, (j, w) -> (float) (w / source / Math.pow(Math.max(1, counts[j]), config.targetNorm())),
                    config.neighbours());
        }
        // A faint popularity prior orders the items no transition reaches, instead of leaving them tied.
        float[] prior = new float[items];
        int max = Arrays.stream(counts).max().orElse(1);
        for (int j = 0; j < items; j++) prior[j] = (float) (1e-6 * Math.log1p(counts[j]) / Math.log1p(max));
        return new Transitions(rows.build(), config, prior);
    }

    @Override public String name() { return "transition"; }

    @Override public void score(int[] history, float[] scores) {
        System.arraycopy(prior, 0, scores, 0, prior.length);
        float w = 1f;
        int used = 0;
        for (int k = history.length - 1; k >= 0 && used < config.lastItems(); k--, used++) {
            links.addRow(history[k], w, scores);
            w *= (float) config.recency();
        }
    }

    public Config config() { return config; }

    /** The faint popularity order for items no transition reaches (stored with the links). */
    float[] prior() { return prior; }

    /** A model read back from its stored parts. */
    static Transitions of(SparseRows links, Config config, float[] prior) {
        if (prior.length != links.rows()) throw new IllegalArgumentException("prior must have one entry per item");
        return new Transitions(links, config, prior);
    }

    /** The stored links (for "next item" and "bought together" style lookups). */
    public SparseRows links() { return links; }
}
