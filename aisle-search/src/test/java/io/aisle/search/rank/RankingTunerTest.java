package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankingTunerTest {
    private static final int A = RankFeatures.NAMES.indexOf("bm25_title");
    private static final int B = RankFeatures.NAMES.indexOf("vector_similarity");

    /** The grade is 3 when exactly one of two features is high: stumps (depth 1) cannot express it. */
    private static List<RankingExample> xor(int groups, long seed) {
        Random random = new Random(seed);
        List<RankingExample> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < 15; i++) {
                double[] f = SyntheticRanking.missing();
                f[A] = random.nextDouble();
                f[B] = random.nextDouble();
                out.add(new RankingExample("q" + g, (f[A] > 0.5) != (f[B] > 0.5) ? 3 : 0, f));
            }
        }
        return out;
    }

    @Test
    void picks_trees_deep_enough_for_an_interaction_using_only_the_data_it_is_given() {
        List<RankingExample> data = xor(30, 1);
        RankingParams base = RankingParams.defaults().withObjective(RankingObjective.REGRESSION).withRounds(40).withEta(0.3);
        RankingTuner tuner = new RankingTuner(List.of(base.withMaxDepth(1), base.withMaxDepth(3)), new int[] {10, 40},
                RankingTuner.Metric.negativeRmse());
        RankingTuner.Result result = tuner.tune(data, GroupFolds.byGroup(data.stream().map(RankingExample::group).toList(), 3, 7));
        assertThat(result.best().maxDepth()).isEqualTo(3);
        assertThat(result.tried()).hasSize(4).containsKey(result.best());
        assertThat(result.bestScore()).isEqualTo(result.tried().get(result.best()));
        double se = 0;
        for (int i = 0; i < data.size(); i++) se += Math.pow(result.heldOutScores()[i] - data.get(i).label(), 2);
        assertThat(-Math.sqrt(se / data.size())).isCloseTo(result.bestScore(), org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void ndcg_metric_ranks_by_score_within_each_group() {
        List<RankingExample> held = List.of(
                new RankingExample("q1", 2, SyntheticRanking.missing()), new RankingExample("q1", 0, SyntheticRanking.missing()),
                new RankingExample("q2", 0, SyntheticRanking.missing()), new RankingExample("q2", 1, SyntheticRanking.missing()));
        // q1 ranked right (1.0), q2 ranked wrong: 1/log2(3) over the ideal 1.
        double ndcg = RankingTuner.Metric.meanNdcg(10).evaluate(held, new double[] {5, 1, 9, 0});
        assertThat(ndcg).isCloseTo((1 + 1 / (Math.log(3) / Math.log(2))) / 2, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void refuses_folds_that_do_not_cover_the_examples() {
        List<RankingExample> data = xor(6, 1);
        RankingTuner tuner = new RankingTuner(List.of(RankingParams.defaults()), new int[] {10}, RankingTuner.Metric.meanNdcg(10));
        assertThatThrownBy(() -> tuner.tune(data, GroupFolds.byFoldId(new int[] {1, 2, 1})))
                .isInstanceOf(ValidationException.class).hasMessageContaining("folds");
        assertThatThrownBy(() -> new RankingTuner(List.of(), new int[] {1}, RankingTuner.Metric.negativeRmse()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("candidates");
    }
}
