package io.aisle.recommend.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Interaction histories in time order, one per user, over dense item indices {@code 0..itemCount-1}.
 * Models train and score on these indices; {@link ItemIds} maps them back to the merchant's ids.
 */
public record Sequences(int[][] histories, int itemCount) {

    public Sequences {
        Objects.requireNonNull(histories, "histories");
        if (itemCount < 1) throw new IllegalArgumentException("itemCount must be at least 1, got " + itemCount);
        for (int u = 0; u < histories.length; u++) {
            int[] h = Objects.requireNonNull(histories[u], "histories[" + u + "]");
            for (int item : h) {
                if (item < 0 || item >= itemCount) {
                    throw new IllegalArgumentException("histories[" + u + "] holds item " + item + " outside 0.." + (itemCount - 1));
                }
            }
        }
    }

    public int users() { return histories.length; }

    public int[] history(int user) { return histories[user]; }

    /** Interactions in all histories. */
    public long interactions() {
        long n = 0;
        for (int[] h : histories) n += h.length;
        return n;
    }

    /** Every history with its last {@code k} items removed (histories shorter than that become empty). */
    public Sequences dropLast(int k) {
        int[][] out = new int[histories.length][];
        for (int u = 0; u < histories.length; u++) out[u] = Arrays.copyOf(histories[u], Math.max(0, histories[u].length - k));
        return new Sequences(out, itemCount);
    }

    /** How often each item occurs over all histories. */
    public int[] itemCounts() {
        int[] c = new int[itemCount];
        for (int[] h : histories) for (int i : h) c[i]++;
        return c;
    }
}
