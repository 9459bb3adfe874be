package io.aisle.recommend.neural.sasrec;

import io.aisle.recommend.data.Sequences;

import java.util.SplittableRandom;

/** Synthetic histories with a deterministic next-item rule: item i is always followed by item (i + 1) mod n. */
final class CycleSequences {

    private CycleSequences() {}

    static Sequences of(int items, int users, int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] histories = new int[users][length];
        for (int u = 0; u < users; u++) {
            int start = random.nextInt(items);
            for (int i = 0; i < length; i++) histories[u][i] = (start + i) % items;
        }
        return new Sequences(histories, items);
    }

    /** Share of histories whose top-scored item is the rule's next item. */
    static double hitRateAt1(SasRecModel model, Sequences histories) {
        int hits = 0;
        float[] scores = new float[model.itemCount()];
        for (int[] h : histories.histories()) {
            model.score(h, scores);
            int best = 0;
            for (int i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
            if (best == (h[h.length - 1] + 1) % model.itemCount()) hits++;
        }
        return (double) hits / histories.users();
    }
}
