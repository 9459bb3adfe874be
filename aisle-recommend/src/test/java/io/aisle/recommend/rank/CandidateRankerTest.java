package io.aisle.recommend.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.eval.LeaveOneOut;
import io.aisle.recommend.eval.RankingEvaluator;
import io.aisle.recommend.model.ItemKnn;
import io.aisle.recommend.model.ItemScorer;
import io.aisle.recommend.model.Popularity;
import io.aisle.recommend.model.Transitions;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateRankerTest {
    static final int ITEMS = io.aisle.recommend.data.GroupWalks.ITEMS;

    static Sequences walks(long seed) { return io.aisle.recommend.data.GroupWalks.of(seed); }

    static ItemContent groups() {
        int[][] a = new int[ITEMS][];
        for (int i = 0; i < ITEMS; i++) a[i] = new int[] {i / 20};
        return new ItemContent(a, 6, null);
    }

    static List<ItemScorer> sources(Sequences d) {
        return List.of(Transitions.train(d, Transitions.Config.defaults()), ItemKnn.train(d, ItemKnn.Config.defaults()));
    }

    @Test void the_learned_ranker_is_at_least_as_good_as_its_best_source_and_far_above_popularity() {
        LeaveOneOut split = LeaveOneOut.of(walks(7));
        CandidateRanker.Config config = new CandidateRanker.Config(20, 60, 4, 0.2, 1, 20, 0.2, 1);
        var trained = CandidateRanker.train(sources(split.validationTraining()), ItemSide.of(split.validationTraining(), groups()),
                split.validation(), config, s -> { });
        assertThat(trained.report().candidateRecall()).isGreaterThan(0.5);
        assertThat(trained.report().trees()).isPositive();
        List<ItemScorer> test = sources(split.testTraining());
        CandidateRanker ranker = trained.model().bind(test, ItemSide.of(split.testTraining(), groups()));
        RankingEvaluator eval = new RankingEvaluator(true);
        double aisle = eval.evaluate(ranker, split.test()).ndcg10();
        double transitions = eval.evaluate(test.getFirst(), split.test()).ndcg10();
        double popularity = eval.evaluate(Popularity.train(split.testTraining()), split.test()).ndcg10();
        assertThat(aisle).isGreaterThan(popularity * 2).isGreaterThan(transitions - 0.02);
        assertThat(ranker.importance()).containsKey("transition_score");
    }

    @Test void a_saved_ranker_scores_the_same_after_loading() {
        LeaveOneOut split = LeaveOneOut.of(walks(3));
        CandidateRanker.Config config = new CandidateRanker.Config(10, 20, 3, 0.3, 1, 10, 0.2, 1);
        List<ItemScorer> s = sources(split.validationTraining());
        ItemSide side = ItemSide.of(split.validationTraining(), groups());
        var model = CandidateRanker.train(s, side, split.validation(), config, x -> { }).model();
        var copy = CandidateRanker.Model.fromBytes(model.toBytes(), model.trees(), model.featureNames(), config);
        float[] a = new float[ITEMS];
        float[] b = new float[ITEMS];
        model.bind(s, side).score(new int[] {3, 4}, a);
        copy.bind(s, side).score(new int[] {3, 4}, b);
        assertThat(b).containsExactly(a);
    }

    @Test void binding_to_other_sources_than_it_was_trained_on_is_refused() {
        LeaveOneOut split = LeaveOneOut.of(walks(5));
        CandidateRanker.Config config = new CandidateRanker.Config(10, 10, 3, 0.3, 1, 10, 0.2, 1);
        ItemSide side = ItemSide.of(split.validationTraining(), groups());
        var model = CandidateRanker.train(sources(split.validationTraining()), side, split.validation(), config, x -> { }).model();
        assertThatThrownBy(() -> model.bind(List.of(Popularity.train(split.validationTraining())), side))
                .hasMessageContaining("trained on");
    }
}
