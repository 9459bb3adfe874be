package io.aisle.recommend.eval;

import io.aisle.recommend.model.ItemScorer;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * Full-ranking evaluation: every item is scored, the target's rank is counted among all items (ties count against
 * the target, so a constant scorer cannot look good), optionally with the user's history items excluded.
 */
public final class RankingEvaluator {
    private final boolean excludeHistory;

    public RankingEvaluator(boolean excludeHistory) { this.excludeHistory = excludeHistory; }

    public RankingReport evaluate(ItemScorer model, LeaveOneOut.Cases cases) {
        return evaluate(cases, (u, scores) -> model.score(cases.histories()[u], scores));
    }

    /** Per-case scoring, for models that score several users at once or need the user index. */
    public interface CaseScorer { void score(int caseIndex, float[] scores); }

    public RankingReport evaluate(LeaveOneOut.Cases cases, CaseScorer scorer) {
        int n = cases.size();
        int items = cases.itemCount();
        int[] ranks = new int[n];
        AtomicIntegerArray recommended = new AtomicIntegerArray(items);
        ThreadLocal<float[]> buffers = ThreadLocal.withInitial(() -> new float[items]);
        ThreadLocal<int[]> tops = ThreadLocal.withInitial(() -> new int[10]);
        IntStream.range(0, n).parallel().forEach(u -> {
            int target = cases.targets()[u];
            if (target < 0) {
                ranks[u] = -1;
                return;
            }
            float[] s = buffers.get();
            scorer.score(u, s);
            // Every history item is masked, the target too when it is a repeat: sparing it would tell the model
            // which of the seen items comes back.
            if (excludeHistory) for (int i : cases.histories()[u]) s[i] = Float.NEGATIVE_INFINITY;
            ranks[u] = rankOf(s, target);
            int[] top = TopItems.of(s, 10, tops.get());
            for (int i : top) if (i >= 0) recommended.set(i, 1);
        });
        return report(ranks, recommended, items);
    }

    /** Zero-based rank of the target: how many items score strictly higher, plus ties (pessimistic). */
    static int rankOf(float[] s, int target) {
        float t = s[target];
        if (Float.isNaN(t) || t == Float.NEGATIVE_INFINITY) return s.length;
        int above = 0;
        for (int i = 0; i < s.length; i++) {
            if (i != target && s[i] >= t) above++;
        }
        return above;
    }

    private static RankingReport report(int[] ranks, AtomicIntegerArray recommended, int items) {
        int cases = 0;
        double hr10 = 0, ndcg10 = 0, hr20 = 0, ndcg20 = 0;
        for (int r : ranks) {
            if (r < 0) continue;
            cases++;
            if (r < 20) {
                double gain = 1.0 / (Math.log(r + 2) / Math.log(2));
                hr20++;
                ndcg20 += gain;
                if (r < 10) {
                    hr10++;
                    ndcg10 += gain;
                }
            }
        }
        int covered = 0;
        for (int i = 0; i < items; i++) covered += recommended.get(i);
        double c = Math.max(1, cases);
        return new RankingReport(cases, hr10 / c, ndcg10 / c, hr20 / c, ndcg20 / c, covered / (double) items);
    }
}
