package io.aisle.recommend.experiment;

import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.Variant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assignment is a pure function of (experiment id, shopper key): stable, spread by the weights, holding out the
 * right share, and independent between experiments. Tolerances are five standard errors of a share over the ids
 * drawn, so a correct implementation fails about once in a million runs.
 */
class AssignmentProperties {
    private static final int SHOPPERS = 8_000;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    /** Computed outside Java (Python's hashlib) from the documented recipe. */
    private static final double PINNED_ALICE = 0.5566941125128352;

    @Example void buckets_are_pinned_so_they_agree_across_processes_and_versions() {
        // SHA-256("exp-1\nvariant\ns:alice"): these numbers are the contract; a change here reshuffles live tests.
        assertThat(Bucketing.bucket("exp-1", Bucketing.VARIANT, "s:alice")).isEqualTo(PINNED_ALICE);
        assertThat(Bucketing.bucket("exp-1", Bucketing.TRAFFIC, "s:alice")).isNotEqualTo(PINNED_ALICE);
    }

    @Property(tries = 200) void the_same_shopper_always_gets_the_same_variant(
            @ForAll("ids") String experimentId, @ForAll @StringLength(min = 1, max = 40) String shopper,
            @ForAll("weights") List<Double> weights) {
        Experiment e = experiment(experimentId, weights, 1.0);
        String key = "s:" + shopper;
        int first = Assigner.variantIndex(e, key);
        assertThat(Assigner.variantIndex(experiment(experimentId, weights, 1.0), key)).isEqualTo(first);
        assertThat(first).isBetween(0, weights.size() - 1);
        double b = Bucketing.bucket(experimentId, Bucketing.VARIANT, key);
        assertThat(b).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }

    @Property(tries = 25) void shares_follow_the_weights(@ForAll("ids") String experimentId,
                                                        @ForAll("weights") List<Double> weights) {
        Experiment e = experiment(experimentId, weights, 1.0);
        int[] counts = new int[weights.size()];
        for (int i = 0; i < SHOPPERS; i++) counts[Assigner.variantIndex(e, "a:device-" + i)]++;
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        for (int v = 0; v < weights.size(); v++) {
            double expected = weights.get(v) / total;
            assertThat((double) counts[v] / SHOPPERS).as("variant %d of %s", v, weights)
                    .isCloseTo(expected, org.assertj.core.api.Assertions.within(tolerance(expected, SHOPPERS)));
        }
    }

    @Property(tries = 25) void the_traffic_share_is_respected(@ForAll("ids") String experimentId,
                                                             @ForAll @DoubleRange(min = 0.05, max = 1.0) double traffic) {
        Experiment e = experiment(experimentId, List.of(1.0, 1.0), traffic);
        int in = 0;
        for (int i = 0; i < SHOPPERS; i++) if (Assigner.variantIndex(e, "s:shopper-" + i) >= 0) in++;
        assertThat((double) in / SHOPPERS).isCloseTo(traffic, org.assertj.core.api.Assertions.within(tolerance(traffic, SHOPPERS)));
    }

    @Property(tries = 50) void raising_the_traffic_share_only_adds_shoppers(@ForAll("ids") String experimentId,
                                                                           @ForAll @DoubleRange(min = 0.01, max = 0.5) double low,
                                                                           @ForAll @DoubleRange(min = 0.5, max = 1.0) double high) {
        Experiment small = experiment(experimentId, List.of(1.0, 2.0, 1.0), low);
        Experiment large = experiment(experimentId, List.of(1.0, 2.0, 1.0), high);
        for (int i = 0; i < 500; i++) {
            String key = "a:d" + i;
            int before = Assigner.variantIndex(small, key);
            if (before >= 0) assertThat(Assigner.variantIndex(large, key)).isEqualTo(before);
        }
    }

    @Property(tries = 25) void experiments_split_shoppers_independently(@ForAll("ids") String first, @ForAll("ids") String second) {
        if (first.equals(second)) return;
        Experiment a = experiment(first, List.of(1.0, 1.0), 1.0);
        Experiment b = experiment(second, List.of(1.0, 1.0), 1.0);
        int[][] joint = new int[2][2];
        for (int i = 0; i < SHOPPERS; i++) {
            String key = "s:u" + i;
            joint[Assigner.variantIndex(a, key)][Assigner.variantIndex(b, key)]++;
        }
        // Independent halves put a quarter of the shoppers in each cell; a shared hash would empty two of them.
        for (int[] row : joint) {
            for (int cell : row) {
                assertThat((double) cell / SHOPPERS).isCloseTo(0.25, org.assertj.core.api.Assertions.within(tolerance(0.25, SHOPPERS)));
            }
        }
    }

    @Example void a_weight_of_zero_share_is_impossible_and_the_last_slice_takes_rounding() {
        List<Variant> variants = List.of(Variant.control("a", 1), Variant.treatment("b", 1), Variant.treatment("c", 1));
        assertThat(Assigner.pick(variants, 0.0)).isZero();
        assertThat(Assigner.pick(variants, 0.5)).isEqualTo(1);
        assertThat(Assigner.pick(variants, Math.nextDown(1.0))).isEqualTo(2);
    }

    private static double tolerance(double p, int n) { return 5 * Math.sqrt(p * (1 - p) / n) + 1e-9; }

    static Experiment experiment(String id, List<Double> weights, double traffic) {
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            variants.add(new Variant("v" + i, weights.get(i), i == 0, java.util.Map.of()));
        }
        return Experiment.start(id, "", null, traffic, variants, T0);
    }

    @Provide Arbitrary<String> ids() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(30)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    }

    @Provide Arbitrary<List<Double>> weights() {
        // Weights from 1 to 100: a 1-in-101 arm still gets ~80 of 8,000 shoppers, enough for a share to be checked.
        return Arbitraries.doubles().between(1, 100).list().ofMinSize(2).ofMaxSize(5);
    }
}
