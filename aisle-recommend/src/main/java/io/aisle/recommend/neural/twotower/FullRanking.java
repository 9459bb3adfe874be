package io.aisle.recommend.neural.twotower;

import io.aisle.recommend.model.ItemScorer;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Scores every item for each event and finds the target's rank, with the history's other items excluded and ties
 * counted against the target (so a constant scorer cannot look good); the leave-one-out protocol of the project.
 */
final class FullRanking {
    private FullRanking() {}

    /** Figures over events {@code (histories[e], targets[e])}, ranking only the items {@code candidates} accepts. */
    static RankFigures evaluate(ItemScorer model, int itemCount, int[][] histories, int[] targets, IntPredicate candidates) {
        int n = targets.length;
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[itemCount]);
        int[] ranks = new int[n];
        IntStream.range(0, n).parallel().forEach(e -> {
            float[] s = buffers.get();
            model.score(histories[e], s);
            int target = targets[e];
            for (int i : histories[e]) if (i != target) s[i] = Float.NEGATIVE_INFINITY;
            ranks[e] = rankOf(s, target, candidates);
        });
        double hr = 0;
        double ndcg = 0;
        for (int r : ranks) {
            if (r < 10) {
                hr++;
                ndcg += 1 / (Math.log(r + 2) / Math.log(2));
            }
        }
        return new RankFigures(n, n == 0 ? 0 : hr / n, n == 0 ? 0 : ndcg / n);
    }

    /** Zero-based rank: candidates other than the target scoring at least as high. */
    static int rankOf(float[] s, int target, IntPredicate candidates) {
        float t = s[target];
        if (Float.isNaN(t)) return s.length;
        int above = 0;
        for (int i = 0; i < s.length; i++) {
            if (i != target && s[i] >= t && candidates.test(i)) above++;
        }
        return above;
    }
}
