package io.aisle.recommend.neural.sasrec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HeldOutRankingTest {

    @Test
    void history_items_leave_the_ranking_but_the_target_stays() {
        float[] scores = {5, 4, 3, 2, 1};
        assertThat(HeldOutRanking.rank(scores.clone(), new int[] {0, 1}, 2)).isZero();
        assertThat(HeldOutRanking.rank(scores.clone(), new int[] {}, 2)).isEqualTo(2);
        assertThat(HeldOutRanking.rank(scores.clone(), new int[] {0, 3}, 3)).isEqualTo(2);
    }

    @Test
    void a_nan_score_counts_as_a_miss() {
        float[] scores = {Float.NaN, 1, 2};
        assertThat(HeldOutRanking.rank(scores, new int[] {}, 0)).isEqualTo(3);
    }

    @Test
    void ndcg_and_hit_rate_average_over_users() {
        HeldOutRanking.BatchScorer scorer = (histories, out) -> {
            for (float[] row : out) for (int i = 0; i < row.length; i++) row[i] = row.length - i; // item 0 best
        };
        HeldOutRanking.Result r = HeldOutRanking.evaluate(scorer, new int[][] {{}, {}}, new int[] {0, 1}, 20, 1);
        assertThat(r.hitRate()).isEqualTo(0.5);
        assertThat(r.ndcg()).isCloseTo(0.5, within(1e-12));
        HeldOutRanking.Result at10 = HeldOutRanking.evaluate(scorer, new int[][] {{}, {}}, new int[] {0, 1}, 20, 10);
        assertThat(at10.ndcg()).isCloseTo((1 + 1 / (Math.log(3) / Math.log(2))) / 2, within(1e-12));
    }
}
