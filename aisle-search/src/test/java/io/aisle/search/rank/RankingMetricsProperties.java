package io.aisle.search.rank;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingMetricsProperties {

    @Property
    void ndcg_lies_between_zero_and_one(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 15) Integer> ranking,
                                         @ForAll @Size(max = 12) List<@IntRange(min = 0, max = 4) Integer> grades,
                                         @ForAll @IntRange(min = 1, max = 20) int k) {
        Map<Integer, Integer> judged = judgments(grades);
        assertThat(RankingMetrics.ndcg(ranking, judged, k)).isBetween(0.0, 1.0 + 1e-12);
        assertThat(RankingMetrics.condensedNdcg(ranking, judged, k)).isBetween(0.0, 1.0 + 1e-12);
        assertThat(RankingMetrics.recall(ranking, judged, k)).isBetween(0.0, 1.0);
        assertThat(RankingMetrics.judged(ranking, judged, k)).isBetween(0.0, 1.0);
    }

    @Property
    void no_permutation_beats_the_ideal_ranking(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 4) Integer> grades,
                                                @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int k) {
        Map<Integer, Integer> judged = judgments(grades);
        List<Integer> ideal = new ArrayList<>(judged.keySet());
        ideal.sort(Comparator.comparing(judged::get).reversed());
        List<Integer> permuted = new ArrayList<>(ideal);
        Collections.shuffle(permuted, new Random(seed));
        double best = RankingMetrics.ndcg(ideal, judged, k);
        assertThat(RankingMetrics.ndcg(permuted, judged, k)).isLessThanOrEqualTo(best + 1e-12);
        if (judged.values().stream().anyMatch(g -> g > 0)) assertThat(best).isCloseTo(1, within(1e-12));
    }

    /** Each element encodes one item rated by both raters: a = 1 + p % 4, b = 1 + p / 4. */
    @Property
    void kappa_is_symmetric_and_at_most_one(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 15) Integer> pairs) {
        int[] a = pairs.stream().mapToInt(p -> 1 + p % 4).toArray();
        int[] b = pairs.stream().mapToInt(p -> 1 + p / 4).toArray();
        double ab = RankingMetrics.quadraticWeightedKappa(a, b, 1, 4);
        assertThat(RankingMetrics.quadraticWeightedKappa(b, a, 1, 4)).isCloseTo(ab, within(1e-12));
        assertThat(ab).isLessThanOrEqualTo(1 + 1e-12);
        assertThat(RankingMetrics.quadraticWeightedKappa(a, a, 1, 4)).isCloseTo(1, within(1e-12));
    }

    @Property
    void thresholds_give_grades_in_range_that_never_fall_as_the_score_rises(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = -50, max = 50) Integer> raw, @ForAll boolean refine) {
        double[] scores = raw.stream().mapToDouble(i -> i / 10.0).toArray();
        int[] labels = raw.stream().mapToInt(i -> 1 + Math.floorMod(i * 7, 4)).toArray();
        OrdinalThresholds t = OrdinalThresholds.fit(scores, labels, 1, 4, refine);
        int previous = 1;
        for (double s = -6; s <= 6; s += 0.05) {
            int grade = t.label(s);
            assertThat(grade).isBetween(1, 4).isGreaterThanOrEqualTo(previous);
            previous = grade;
        }
    }

    private static Map<Integer, Integer> judgments(List<Integer> grades) {
        Map<Integer, Integer> judged = new HashMap<>();
        for (int i = 0; i < grades.size(); i++) judged.put(i, grades.get(i));
        return judged;
    }
}
