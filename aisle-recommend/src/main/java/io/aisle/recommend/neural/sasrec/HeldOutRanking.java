package io.aisle.recommend.neural.sasrec;

import java.util.Arrays;

/**
 * NDCG@k and HR@k of held-out next items under full ranking over all items, each user's history items left out
 * of the ranking (the target itself always stays in, even when it was seen before).
 */
final class HeldOutRanking {

    private static final int CHUNK = 1024;

    /** Scores every item after each history; {@code out[i]} has one slot per item. */
    @FunctionalInterface
    interface BatchScorer {
        void scoreBatch(int[][] histories, float[][] out);
    }

    /** Mean metrics over the users evaluated. */
    record Result(double ndcg, double hitRate, int users) {}

    private HeldOutRanking() {}

    static Result evaluate(BatchScorer scorer, int[][] histories, int[] targets, int itemCount, int k) {
        if (histories.length != targets.length) {
            throw new IllegalArgumentException("targets has " + targets.length + " entries for " + histories.length + " histories");
        }
        double ndcg = 0;
        int hits = 0;
        float[][] scores = new float[Math.min(CHUNK, histories.length)][itemCount];
        for (int start = 0; start < histories.length; start += CHUNK) {
            int n = Math.min(CHUNK, histories.length - start);
            int[][] chunk = Arrays.copyOfRange(histories, start, start + n);
            float[][] out = n == scores.length ? scores : Arrays.copyOf(scores, n);
            scorer.scoreBatch(chunk, out);
            for (int i = 0; i < n; i++) {
                int rank = rank(out[i], chunk[i], targets[start + i]);
                if (rank < k) {
                    hits++;
                    ndcg += 1.0 / (Math.log(rank + 2) / Math.log(2));
                }
            }
        }
        int users = histories.length;
        return new Result(users == 0 ? 0 : ndcg / users, users == 0 ? 0 : (double) hits / users, users);
    }

    /** 0-based rank of the target among items outside the history (a NaN score misses); scores are overwritten. */
    static int rank(float[] scores, int[] history, int target) {
        float t = scores[target];
        if (Float.isNaN(t)) return scores.length;
        for (int item : history) if (item != target) scores[item] = Float.NEGATIVE_INFINITY;
        int above = 0;
        for (float s : scores) if (s > t) above++;
        return above;
    }
}
