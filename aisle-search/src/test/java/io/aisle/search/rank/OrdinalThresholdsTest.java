package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrdinalThresholdsTest {

    @Test
    void matching_the_label_distribution_recovers_cuts_of_a_monotone_score() {
        // Scores 0..99; labels 1 below 10, 2 below 30, 3 below 60, 4 above: sizes 10, 20, 30, 40.
        double[] scores = new double[100];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            scores[i] = i;
            labels[i] = i < 10 ? 1 : i < 30 ? 2 : i < 60 ? 3 : 4;
        }
        OrdinalThresholds t = OrdinalThresholds.fit(scores, labels, 1, 4, false);
        assertThat(t.cuts()).containsExactly(9.5, 29.5, 59.5);
        assertThat(t.labels(scores)).containsExactly(labels);
        assertThat(t.label(-100)).isEqualTo(1);
        assertThat(t.label(1000)).isEqualTo(4);
    }

    @Test
    void refining_never_lowers_training_kappa() {
        Random random = new Random(5);
        double[] scores = new double[500];
        int[] labels = new int[500];
        for (int i = 0; i < scores.length; i++) {
            labels[i] = 1 + random.nextInt(4);
            // Label 4 is over-predicted by the score: distribution matching alone puts its cut too low.
            scores[i] = labels[i] + random.nextGaussian() * (labels[i] == 4 ? 0.3 : 1.2);
        }
        OrdinalThresholds plain = OrdinalThresholds.fit(scores, labels, 1, 4, false);
        OrdinalThresholds refined = OrdinalThresholds.fit(scores, labels, 1, 4, true);
        double before = RankingMetrics.quadraticWeightedKappa(labels, plain.labels(scores), 1, 4);
        double after = RankingMetrics.quadraticWeightedKappa(labels, refined.labels(scores), 1, 4);
        assertThat(after).isGreaterThan(before);
        double[] cuts = refined.cuts();
        for (int j = 1; j < cuts.length; j++) assertThat(cuts[j]).isGreaterThanOrEqualTo(cuts[j - 1]);
    }

    @Test
    void a_grade_absent_from_training_is_never_predicted_by_distribution_matching() {
        double[] scores = {1, 2, 3, 4};
        int[] labels = {1, 1, 4, 4};
        OrdinalThresholds t = OrdinalThresholds.fit(scores, labels, 1, 4, false);
        assertThat(t.labels(new double[] {0, 1.5, 2.5, 3.5, 5})).containsOnly(1, 4);
    }

    @Test
    void refuses_bad_input() {
        assertThatThrownBy(() -> OrdinalThresholds.fit(new double[] {1}, new int[] {1, 2}, 1, 4, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("labels");
        assertThatThrownBy(() -> OrdinalThresholds.fit(new double[] {Double.NaN}, new int[] {1}, 1, 4, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("scores[0]");
        assertThatThrownBy(() -> OrdinalThresholds.fit(new double[] {1}, new int[] {7}, 1, 4, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("labels[0]");
        assertThatThrownBy(() -> OrdinalThresholds.fit(new double[0], new int[0], 1, 4, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("empty");
    }
}
