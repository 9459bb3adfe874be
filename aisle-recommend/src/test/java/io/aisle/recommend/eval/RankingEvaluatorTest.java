package io.aisle.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.model.ItemScorer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingEvaluatorTest {
    static final Sequences DATA = new Sequences(new int[][] {{0, 1, 2, 3}, {4, 5, 6}, {1, 2}}, 8);

    /** Scores item i with a fixed preference list. */
    static ItemScorer fixed(float... scores) {
        return new ItemScorer() {
            @Override public String name() { return "fixed"; }
            @Override public void score(int[] history, float[] out) { System.arraycopy(scores, 0, out, 0, scores.length); }
        };
    }

    @Test void leave_one_out_holds_out_the_last_two_items() {
        LeaveOneOut split = LeaveOneOut.of(DATA);
        assertThat(split.validation().targets()).containsExactly(2, 5, -1);
        assertThat(split.test().targets()).containsExactly(3, 6, 2);
        assertThat(split.test().histories()[0]).containsExactly(0, 1, 2);
        assertThat(split.validationTraining().history(0)).containsExactly(0, 1);
    }

    @Test void ndcg_and_hit_rate_follow_the_target_rank() {
        LeaveOneOut split = LeaveOneOut.of(DATA);
        // Targets 3, 6, 2. Item 3 scores best, 6 third (behind 3 and 7), 2 is below 12 items? only 8 items: rank by score.
        RankingReport r = new RankingEvaluator(false).evaluate(fixed(0, 0.1f, 0.2f, 9, 0.3f, 0.4f, 5, 6), split.test());
        double expected = (1.0 + 1 / (Math.log(4) / Math.log(2)) + 1 / (Math.log(7) / Math.log(2))) / 3;
        assertThat(r.ndcg10()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.hr10()).isEqualTo(1.0);
    }

    @Test void excluding_history_moves_the_target_up() {
        LeaveOneOut split = LeaveOneOut.of(DATA);
        float[] s = {9, 8, 7, 1, 0, 0, 0, 0}; // user 0's history (0,1,2) outranks its target 3
        RankingReport with = new RankingEvaluator(false).evaluate(fixed(s), split.test());
        RankingReport without = new RankingEvaluator(true).evaluate(fixed(s), split.test());
        assertThat(without.ndcg10()).isGreaterThan(with.ndcg10());
    }

    @Test void ties_count_against_the_target_so_a_constant_scorer_scores_nothing_at_the_top() {
        LeaveOneOut split = LeaveOneOut.of(new Sequences(
                java.util.stream.IntStream.range(0, 30).mapToObj(u -> new int[] {u % 20, (u + 1) % 20}).toArray(int[][]::new), 20));
        float[] flat = new float[20];
        Arrays.fill(flat, 1f);
        assertThat(new RankingEvaluator(false).evaluate(fixed(flat), split.test()).hr10()).isZero();
    }

    @Test void top_items_are_best_first_and_skip_non_finite() {
        int[] top = TopItems.of(new float[] {1, Float.NEGATIVE_INFINITY, 5, Float.NaN, 3}, 4);
        assertThat(top).containsExactly(2, 4, 0, -1);
    }

    @Test void config_search_walks_to_the_best_setting() {
        var result = new ConfigSearch<List<Integer>>()
                .dimension("x", List.of(0, 1, 2, 3, 4), (c, v) -> List.of(v, c.get(1)))
                .dimension("y", List.of(0, 1, 2, 3, 4), (c, v) -> List.of(c.get(0), v))
                .run(List.of(0, 0), c -> -Math.pow(c.get(0) - 3, 2) - Math.pow(c.get(1) - 1, 2), s -> { });
        assertThat(result.best()).containsExactly(3, 1);
        assertThat(result.score()).isZero();
    }
}
