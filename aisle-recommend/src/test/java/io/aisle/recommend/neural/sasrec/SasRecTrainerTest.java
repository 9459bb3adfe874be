package io.aisle.recommend.neural.sasrec;

import io.aisle.recommend.data.Sequences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SasRecTrainerTest {

    private static final int ITEMS = 30;

    /** Small and quick: a single block, no dropout, a high learning rate; one thread, as a shared CI box prefers. */
    static SasRecConfig tiny(int epochs, int negatives) {
        return new SasRecConfig(8, 16, 1, 2, 0.0, epochs, 32, 0.01, negatives, 7L, 1);
    }

    @ParameterizedTest(name = "negatives = {0}")
    @ValueSource(ints = {0, 8})
    void learns_a_deterministic_next_item_rule(int negatives) {
        Sequences training = CycleSequences.of(ITEMS, 300, 10, 1);
        Sequences unseen = CycleSequences.of(ITEMS, 100, 6, 2);
        List<ProgressListener.Epoch> epochs = new ArrayList<>();
        try (SasRecModel untrained = SasRecTrainer.train(training, tiny(1, negatives).withEpochs(1), e -> { });
             SasRecModel model = SasRecTrainer.train(training, tiny(25, negatives), epochs::add)) {
            assertThat(CycleSequences.hitRateAt1(model, unseen)).isGreaterThan(0.9);
            assertThat(CycleSequences.hitRateAt1(untrained, unseen)).isLessThan(0.5);
        }
        assertThat(epochs).extracting(ProgressListener.Epoch::epoch).containsExactlyElementsOf(range(1, 25));
        assertThat(epochs.getLast().loss()).isLessThan(epochs.getFirst().loss() / 2);
        assertThat(epochs).allSatisfy(e -> assertThat(e.validationNdcg()).isEmpty());
    }

    @Test
    void the_same_seed_gives_the_same_model() {
        Sequences training = CycleSequences.of(ITEMS, 100, 8, 3);
        SasRecConfig config = new SasRecConfig(8, 16, 1, 1, 0.3, 3, 16, 0.01, 0, 11L, 1);
        float[] a = new float[ITEMS];
        float[] b = new float[ITEMS];
        try (SasRecModel first = SasRecTrainer.train(training, config, ProgressListener.none());
             SasRecModel second = SasRecTrainer.train(training, config, ProgressListener.none())) {
            first.score(new int[] {3, 4, 5}, a);
            second.score(new int[] {3, 4, 5}, b);
        }
        assertThat(b).containsExactly(a);
    }

    @Test
    void validation_keeps_the_best_epoch_and_stops_on_a_plateau() {
        Sequences full = CycleSequences.of(ITEMS, 300, 10, 4);
        SasRecValidation validation = SasRecValidation.lastItemOf(full.dropLast(1), 2, 2);
        List<ProgressListener.Epoch> epochs = new ArrayList<>();
        try (SasRecModel model = SasRecTrainer.train(full.dropLast(2), validation, tiny(60, 0), epochs::add)) {
            double best = epochs.stream().mapToDouble(e -> e.validationNdcg().orElseThrow()).max().orElseThrow();
            double kept = HeldOutRanking.evaluate(model::scoreBatch, validation.histories().histories(), validation.targets(),
                    ITEMS, 10).ndcg();
            assertThat(kept).isEqualTo(best);
            assertThat(best).isGreaterThan(0.9);
        }
        assertThat(epochs.size()).isLessThan(60); // a perfect score cannot improve, so patience runs out
    }

    @Test
    void refuses_training_without_any_transition() {
        Sequences singles = new Sequences(new int[][] {{1}, {2}, {}}, 5);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SasRecTrainer.train(singles, tiny(1, 0), ProgressListener.none()))
                .withMessageContaining("two or more items");
    }

    @Test
    void refuses_validation_over_other_items() {
        Sequences training = CycleSequences.of(ITEMS, 10, 5, 5);
        SasRecValidation other = new SasRecValidation(new Sequences(new int[][] {{1}}, 7), new int[] {2}, 1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SasRecTrainer.train(training, other, tiny(1, 0), ProgressListener.none()))
                .withMessageContaining("validation has 7 items");
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i <= to; i++) r.add(i);
        return r;
    }
}
