package io.aisle.recommend.neural.sasrec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceBatchTest {

    @Test
    void training_rows_are_right_aligned_and_each_position_predicts_the_next_item() {
        SequenceBatch b = SequenceBatch.forTraining(List.of(new int[] {4, 5, 6}, new int[] {7, 8, 9, 10, 11}), 3);
        assertThat(b.width()).isEqualTo(3);
        // first row: 2 transitions, one pad; second row: only the last 3 of 4 transitions fit
        assertThat(b.tokens()).containsExactly(0, 5, 6, 9, 10, 11);
        assertThat(b.positions()).containsExactly(1, 2, 3, 4, 5);
        assertThat(b.targets()).containsExactly(5, 6, 9, 10, 11);
        assertThat(b.keep()).containsExactly(0, 1, 1, 1, 1, 1);
    }

    @Test
    void attention_sees_only_itself_and_earlier_real_items() {
        SequenceBatch b = SequenceBatch.forScoring(new int[][] {{1, 2}}, 5);
        assertThat(b.width()).isEqualTo(2);
        float x = SequenceBatch.BLOCKED;
        assertThat(b.attention()).containsExactly(0, x, 0, 0);
        SequenceBatch padded = SequenceBatch.forScoring(new int[][] {{1, 2}, {3}}, 5);
        // second row is [pad, 3]: the item must not look at the pad, the pad keeps itself
        assertThat(padded.tokens()).containsExactly(2, 3, 0, 4);
        assertThat(java.util.Arrays.copyOfRange(padded.attention(), 4, 8)).containsExactly(0, x, x, 0);
    }

    @Test
    void scoring_keeps_the_most_recent_items_and_survives_an_empty_history() {
        SequenceBatch b = SequenceBatch.forScoring(new int[][] {{1, 2, 3, 4}, {}}, 2);
        assertThat(b.tokens()).containsExactly(4, 5, 0, 0);
    }
}
