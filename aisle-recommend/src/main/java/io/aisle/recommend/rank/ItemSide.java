package io.aisle.recommend.rank;

import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.data.Sequences;

/** What the ranker knows about items besides model scores: training popularity and content attributes. */
public record ItemSide(float[] logPopularity, ItemContent content) {

    public static ItemSide of(Sequences training, ItemContent content) {
        if (content.items() != training.itemCount()) {
            throw new IllegalArgumentException("content has " + content.items() + " items, sequences " + training.itemCount());
        }
        int[] counts = training.itemCounts();
        float[] lp = new float[counts.length];
        for (int i = 0; i < counts.length; i++) lp[i] = (float) Math.log1p(counts[i]);
        return new ItemSide(lp, content);
    }
}
