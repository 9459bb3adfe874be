package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.aisle.search.rank.SyntheticRanking.features;
import static io.aisle.search.rank.SyntheticRanking.labelFromOneFeature;
import static io.aisle.search.rank.SyntheticRanking.meanNdcg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RankingModelTest {
    private static final RankingParams FAST = RankingParams.defaults().withRounds(60).withMaxDepth(3).withEta(0.2);
    private static final List<RankingExample> TRAIN = labelFromOneFeature(40, 20, 1);
    private static final List<RankingExample> TEST = labelFromOneFeature(20, 20, 2);

    @Test
    void lambdamart_learns_the_feature_that_determines_the_label_and_beats_random_order() {
        try (RankingModel model = RankingModel.train(TRAIN, FAST)) {
            double learned = meanNdcg(TEST, model.score(features(TEST)));
            double[] random = new Random(3).doubles(TEST.size()).toArray();
            assertThat(learned).isGreaterThan(0.97);
            assertThat(learned).isGreaterThan(meanNdcg(TEST, random) + 0.2);
        }
    }

    @Test
    void regression_predicts_the_grade_itself() {
        try (RankingModel model = RankingModel.train(TRAIN, FAST.withObjective(RankingObjective.REGRESSION))) {
            double[] scores = model.score(features(TEST));
            double se = 0;
            for (int i = 0; i < scores.length; i++) se += Math.pow(scores[i] - TEST.get(i).label(), 2);
            assertThat(Math.sqrt(se / scores.length)).isLessThan(0.3);
        }
    }

    @Test
    void importance_puts_the_deciding_feature_first_and_lists_every_feature() {
        try (RankingModel model = RankingModel.train(TRAIN, FAST)) {
            Map<String, Double> gain = model.importance();
            assertThat(gain.keySet()).containsExactlyElementsOf(RankFeatures.NAMES);
            String top = gain.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(top).isEqualTo("bm25_title");
            assertThat(gain.get("bm25_brand")).isZero();
        }
    }

    @Test
    void bytes_round_trip_gives_identical_scores_and_params() {
        try (RankingModel model = RankingModel.train(TRAIN, FAST);
             RankingModel loaded = RankingModel.fromBytes(model.toBytes())) {
            assertThat(loaded.score(features(TEST))).containsExactly(model.score(features(TEST)));
            assertThat(loaded.params()).isEqualTo(model.params());
            assertThat(loaded.featureNames()).isEqualTo(RankFeatures.NAMES);
        }
    }

    @Test
    void training_is_deterministic_for_a_seed_and_the_seed_matters_when_sampling() {
        try (RankingModel a = RankingModel.train(TRAIN, FAST);
             RankingModel b = RankingModel.train(interleaved(TRAIN), FAST);
             RankingModel c = RankingModel.train(TRAIN, FAST.withSeed(7))) {
            assertThat(b.score(features(TEST))).containsExactly(a.score(features(TEST)));
            assertThat(c.score(features(TEST))).isNotEqualTo(a.score(features(TEST)));
        }
    }

    /** Rows of different queries interleaved: the trainer groups them back, keeping each query's row order. */
    private static List<RankingExample> interleaved(List<RankingExample> examples) {
        List<RankingExample> out = new ArrayList<>(examples);
        out.sort(java.util.Comparator.comparingInt(e -> positionInGroup(examples, e)));
        assertThat(out).isNotEqualTo(examples);
        return out;
    }

    private static int positionInGroup(List<RankingExample> examples, RankingExample e) {
        int position = 0;
        for (RankingExample other : examples) {
            if (other == e) return position;
            if (other.group().equals(e.group())) position++;
        }
        throw new IllegalArgumentException("not in the list");
    }

    @Test
    void scores_from_the_record_match_scores_from_the_array() {
        RankFeatures f = new RankFeatures(0.9, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0.3, 0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, 1, Double.NaN, Double.NaN, Double.NaN);
        try (RankingModel model = RankingModel.train(TRAIN, FAST)) {
            assertThat(model.score(f)).isEqualTo(model.score(f.toArray()));
            assertThat(model.score(List.of(f.toArray()), 1)).hasSize(1);
        }
    }

    @Test
    void scoring_with_fewer_trees_uses_a_prefix_of_the_model() {
        try (RankingModel model = RankingModel.train(TRAIN, FAST.withObjective(RankingObjective.REGRESSION))) {
            double[] all = model.score(features(TEST), FAST.rounds());
            assertThat(all).containsExactly(model.score(features(TEST)));
            assertThat(model.score(features(TEST), 1)).isNotEqualTo(all);
            assertThatThrownBy(() -> model.score(features(TEST), FAST.rounds() + 1)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("trees");
        }
    }

    @Test
    void concurrent_scoring_gives_the_same_scores_as_sequential() throws Exception {
        try (RankingModel model = RankingModel.train(TRAIN, FAST)) {
            double[] expected = model.score(features(TEST));
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<double[]>> futures = new ArrayList<>();
                for (int i = 0; i < 16; i++) futures.add(pool.submit(() -> model.score(features(TEST))));
                for (var f : futures) assertThat(f.get()).containsExactly(expected);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void refuses_an_empty_training_set() {
        assertThatThrownBy(() -> RankingModel.train(List.of(), FAST)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("examples");
    }

    @Test
    void refuses_rows_of_the_wrong_length() {
        assertThatThrownBy(() -> new RankingExample("q", 1, new double[3])).isInstanceOf(ValidationException.class)
                .hasMessageContaining("features").hasMessageContaining("expected 23");
        try (RankingModel model = RankingModel.train(TRAIN, FAST)) {
            assertThatThrownBy(() -> model.score(new double[22])).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("rows[0]");
        }
    }

    @Test
    void refuses_labels_out_of_range_and_infinite_features() {
        double[] f = SyntheticRanking.missing();
        assertThatThrownBy(() -> new RankingExample("q", -1, f)).isInstanceOf(ValidationException.class).hasMessageContaining("label");
        assertThatThrownBy(() -> new RankingExample("q", 32, f)).isInstanceOf(ValidationException.class).hasMessageContaining("label");
        f[0] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> RankingModel.train(List.of(new RankingExample("q", 1, f)), FAST))
                .isInstanceOf(ValidationException.class).hasMessageContaining("bm25_title is infinite");
    }

    @Test
    void refuses_to_load_a_model_trained_on_other_feature_names() {
        byte[] blob;
        try (RankingModel model = RankingModel.train(TRAIN, FAST)) {
            blob = model.toBytes();
        }
        byte[] name = "in_stock".getBytes(StandardCharsets.UTF_8);
        int at = indexOf(blob, name);
        assertThat(at).isPositive();
        blob[at + 3] = 'S'; // "in_Stock": a renamed feature
        byte[] renamed = blob;
        assertThatThrownBy(() -> RankingModel.fromBytes(renamed)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("in_Stock").hasMessageContaining("retrain");
    }

    @Test
    void refuses_garbage_and_truncated_blobs() {
        byte[] blob;
        try (RankingModel model = RankingModel.train(TRAIN, FAST)) {
            blob = model.toBytes();
        }
        assertThatThrownBy(() -> RankingModel.fromBytes("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not an Aisle ranking model");
        assertThatThrownBy(() -> RankingModel.fromBytes(Arrays.copyOf(blob, blob.length - 10)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("truncated");
    }

    @Test
    void default_params_are_valid_and_checked() {
        assertThat(RankingParams.defaults().objective()).isEqualTo(RankingObjective.LAMBDAMART);
        assertThat(RankingParams.defaults().nthread()).isEqualTo(1);
        assertThatThrownBy(() -> RankingParams.defaults().withEta(0)).isInstanceOf(ValidationException.class).hasMessageContaining("eta");
        assertThatThrownBy(() -> RankingParams.defaults().withRounds(0)).isInstanceOf(ValidationException.class).hasMessageContaining("rounds");
        assertThat(RankingObjective.parse("rank:ndcg")).isEqualTo(RankingObjective.LAMBDAMART);
        assertThat(RankingObjective.parse("regression")).isEqualTo(RankingObjective.REGRESSION);
        assertThat(RankingParams.defaults().withEta(0.3).eta()).isCloseTo(0.3, within(1e-12));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
