package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aisle.search.rank.RankingMetrics.condensedNdcg;
import static io.aisle.search.rank.RankingMetrics.judged;
import static io.aisle.search.rank.RankingMetrics.ndcg;
import static io.aisle.search.rank.RankingMetrics.quadraticWeightedKappa;
import static io.aisle.search.rank.RankingMetrics.recall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsTest {
    /** Grades: e=3 is never retrieved, so even a perfect ordering of the rest stays below 1. */
    private static final Map<String, Integer> JUDGED = Map.of("a", 0, "b", 2, "c", 1, "e", 3);
    /** Ideal DCG@3 from all judged documents: 7/1 + 3/log2(3) + 1/2. */
    private static final double IDEAL = 7 + 3 / log2(3) + 0.5;

    @Test
    void ndcg_uses_exponential_gain_log_discount_and_the_ideal_of_all_judged_documents() {
        assertThat(ndcg(List.of("a", "b", "c", "d"), JUDGED, 3)).isCloseTo((3 / log2(3) + 0.5) / IDEAL, within(1e-12));
        assertThat(ndcg(List.of("a", "b", "c", "d"), JUDGED, 3)).isCloseTo(0.25474746577380225, within(1e-12));
        assertThat(ndcg(List.of("e", "b", "c"), JUDGED, 3)).isCloseTo(1, within(1e-12));
    }

    @Test
    void ndcg_counts_unjudged_documents_as_irrelevant_and_is_zero_without_relevant_judgments() {
        assertThat(ndcg(List.of("x", "b", "a", "c"), JUDGED, 3)).isCloseTo(0.20151514190050243, within(1e-12));
        assertThat(ndcg(List.of("a", "b"), Map.of("a", 0, "b", 0), 10)).isZero();
        assertThat(ndcg(List.of(), JUDGED, 10)).isZero();
    }

    @Test
    void a_document_listed_twice_earns_its_gain_once() {
        assertThat(ndcg(List.of("e", "e", "e"), JUDGED, 3)).isCloseTo(7 / IDEAL, within(1e-12));
    }

    @Test
    void condensed_ndcg_drops_unjudged_documents_before_scoring() {
        // [x, b, a, c] condenses to [b, a, c]: 3/1 + 0 + 1/2.
        assertThat(condensedNdcg(List.of("x", "b", "a", "c"), JUDGED, 3)).isCloseTo(3.5 / IDEAL, within(1e-12));
        assertThat(condensedNdcg(List.of("x", "b", "a", "c"), JUDGED, 3)).isCloseTo(0.3726262671130988, within(1e-12));
    }

    @Test
    void judged_at_k_divides_by_k_even_when_the_ranking_is_shorter() {
        assertThat(judged(List.of("x", "b", "a", "c"), JUDGED, 3)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(judged(List.of("x", "b", "a", "c"), JUDGED, 10)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void recall_counts_relevant_documents_found_over_all_judged_relevant() {
        assertThat(recall(List.of("x", "b", "a", "c"), JUDGED, 2)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(recall(List.of("x", "b", "a", "c"), JUDGED, 4)).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(recall(List.of("x"), Map.of("a", 0), 4)).isZero();
    }

    @Test
    void kappa_is_one_for_perfect_agreement_and_minus_one_for_the_reversed_scale() {
        assertThat(quadraticWeightedKappa(new int[] {1, 2, 3, 4, 4}, new int[] {1, 2, 3, 4, 4}, 1, 4)).isCloseTo(1, within(1e-12));
        assertThat(quadraticWeightedKappa(new int[] {1, 2, 3, 4}, new int[] {4, 3, 2, 1}, 1, 4)).isCloseTo(-1, within(1e-12));
        assertThat(quadraticWeightedKappa(new int[] {2, 2}, new int[] {2, 2}, 1, 4)).isEqualTo(1);
    }

    @Test
    void kappa_matches_hand_computed_values() {
        // Observed disagreement 1/9 (one item off by one), expected 4/3: 1 - (1/9) / (4/3) = 11/12.
        assertThat(quadraticWeightedKappa(new int[] {1, 2, 3, 4}, new int[] {1, 2, 4, 4}, 1, 4)).isCloseTo(11 / 12.0, within(1e-12));
        assertThat(quadraticWeightedKappa(new int[] {1, 1, 2, 2, 3, 3, 4, 4}, new int[] {1, 2, 2, 3, 3, 4, 4, 1}, 1, 4))
                .isCloseTo(0.4, within(1e-12));
    }

    @Test
    void kappa_refuses_ratings_outside_the_scale_and_mismatched_lengths() {
        assertThatThrownBy(() -> quadraticWeightedKappa(new int[] {1, 5}, new int[] {1, 2}, 1, 4))
                .isInstanceOf(ValidationException.class).hasMessageContaining("actual[1]");
        assertThatThrownBy(() -> quadraticWeightedKappa(new int[] {1, 2}, new int[] {1}, 1, 4))
                .isInstanceOf(ValidationException.class).hasMessageContaining("predicted");
        assertThatThrownBy(() -> quadraticWeightedKappa(new int[0], new int[0], 1, 4))
                .isInstanceOf(ValidationException.class).hasMessageContaining("empty");
    }

    @Test
    void cutoffs_must_be_positive() {
        assertThatThrownBy(() -> ndcg(List.of("a"), JUDGED, 0)).isInstanceOf(ValidationException.class).hasMessageContaining("k");
    }

    private static double log2(double x) { return Math.log(x) / Math.log(2); }
}
