package io.aisle.recommend.model;

import io.aisle.recommend.data.Sequences;
import java.util.Arrays;

/**
 * Item-based collaborative filtering: items are similar when the same users interacted with both (cosine over the
 * user sets, with shrinkage); a history scores an item by the summed similarity of its distinct items.
 */
public final class ItemKnn implements ItemScorer {

    /** Neighbours kept per item; {@code alpha} skews the cosine (0.5 = plain cosine); {@code shrink} damps rare pairs. */
    public record Config(int neighbours, double alpha, double shrink) {
        public Config {
            if (neighbours < 1) throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
            if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in [0,1], got " + alpha);
            if (!(shrink >= 0)) throw new IllegalArgumentException("shrink must be >= 0, got " + shrink);
        }

        public static Config defaults() { return new Config(100, 0.5, 10); }
    }

    private final SparseRows similar;

    private ItemKnn(SparseRows similar) { this.similar = similar; }

    public static ItemKnn train(Sequences data, Config config) {
        int items = data.itemCount();
        Occurrences occ = Occurrences.of(data);
        float[] userCount = new float[items];
        int[] stamp = new int[items];
        Arrays.fill(stamp, -1);
        for (int u = 0; u < data.users(); u++) {
            for (int i : data.history(u)) {
                if (stamp[i] != u) {
                    stamp[i] = u;
                    userCount[i]++;
                }
            }
        }
        Arrays.fill(stamp, -1);
        SparseRows.Builder rows = new SparseRows.Builder(items);
        for (int i = 0; i < items; i++) {
            int lastUser = -1;
            for (int u : occ.users[i]) {
                if (u == lastUser) continue;
                lastUser = u;
                for (int j : data.history(u)) {
                    if (j == i || stamp[j] == u) continue;
                    stamp[j] = u;
                    rows.add(j, 1f);
                }
            }
            double ci = Math.pow(userCount[i], config.alpha());
            rows.finishRow(i, (j, c) -> (float) (c / (ci * Math.pow(userCount[j], 1 - config.alpha()) + config.shrink())),
                    config.neighbours());
            // Reset stamps lazily: user ids only grow within a row, but rows revisit users, so clear per row.
            Arrays.fill(stamp, -1);
        }
        return new ItemKnn(rows.build());
    }

    @Override public String name() { return "item-knn"; }

    @Override public void score(int[] history, float[] scores) {
        Arrays.fill(scores, 0f);
        for (int k = 0; k < history.length; k++) {
            int i = history[k];
            boolean repeat = false;
            for (int p = 0; p < k && !repeat; p++) repeat = history[p] == i;
            if (!repeat) similar.addRow(i, 1f, scores);
        }
    }

    /** The stored neighbours of an item (for "similar items" and for inspection). */
    public SparseRows neighbours() { return similar; }
}
