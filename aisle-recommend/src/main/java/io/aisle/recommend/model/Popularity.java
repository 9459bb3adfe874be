package io.aisle.recommend.model;

import io.aisle.recommend.data.Sequences;
import java.util.Arrays;

/** Most-interacted items first, the same list for everyone: the floor every model must clear. */
public final class Popularity implements ItemScorer {
    private final float[] counts;

    private Popularity(float[] counts) { this.counts = counts; }

    public static Popularity train(Sequences data) {
        int[] c = data.itemCounts();
        float[] f = new float[c.length];
        for (int i = 0; i < c.length; i++) f[i] = c[i];
        return new Popularity(f);
    }

    @Override public String name() { return "popularity"; }

    @Override public void score(int[] history, float[] scores) { System.arraycopy(counts, 0, scores, 0, counts.length); }

    /** Interaction count of an item in the training data. */
    public float count(int item) { return counts[item]; }

    public float[] counts() { return Arrays.copyOf(counts, counts.length); }
}
