package io.aisle.recommend.experiment;

import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.ExperimentMetrics;
import io.aisle.core.experiment.Variant;
import io.aisle.core.experiment.VariantMetrics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** From counts to estimates: the right interval on the right numbers, the control as the reference. */
class ExperimentAnalysisTest {
    private static final Experiment E = Experiment.start("ranker-v2", "", null, 1.0,
            List.of(Variant.treatment("new", 1), Variant.control("old", 1)), Instant.parse("2025-01-01T00:00:00Z"));

    @Test void each_variant_gets_its_rates_and_its_difference_from_the_control() {
        // The numbers of IntervalsTest: control (listed second) 50 clicks in 1,000 impressions and ten sessions with
        // revenue 0 x7, 10, 20, 30; the new variant 60 clicks and ten sessions with 0 x6, 10, 20, 30, 40.
        VariantCounts old = new VariantCounts("old", 10, 1000, 50, 3, 60, 1400);
        VariantCounts neu = new VariantCounts("new", 10, 1000, 60, 5, 100, 3000);
        ExperimentMetrics m = ExperimentAnalysis.of(E, List.of(old, neu), 42, true);

        assertThat(m.experimentId()).isEqualTo("ranker-v2");
        assertThat(m.throughOffset()).isEqualTo(42);
        assertThat(m.variants()).extracting(VariantMetrics::variant).containsExactly("new", "old");
        VariantMetrics n = m.variants().get(0);
        VariantMetrics o = m.variants().get(1);
        assertThat(o.control()).isTrue();
        assertThat(o.ctr().vsControl()).isNull();

        assertThat(n.ctr().value().value()).isEqualTo(0.06);
        assertThat(n.ctr().vsControl().value()).isCloseTo(0.2, within(1e-12));
        assertThat(n.ctr().vsControl().low()).isCloseTo(-0.1669019005501623, within(1e-9));
        assertThat(n.ctr().vsControl().high()).isCloseTo(0.7284879187108322, within(1e-9));
        assertThat(n.ctr().differsFromControl()).isFalse();

        assertThat(n.addToCartRate().value().value()).isEqualTo(0.5);
        assertThat(o.addToCartRate().value().low()).isCloseTo(Intervals.wilson(3, 10).low(), within(1e-15));

        assertThat(n.revenuePerSession().value().value()).isEqualTo(10.0);
        assertThat(n.revenuePerSession().value().low()).isCloseTo(-0.6639111328288791, within(1e-9));
        assertThat(n.revenuePerSession().vsControl().value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(n.revenuePerSession().vsControl().high()).isCloseTo(6.891752385799624, within(1e-9));
        assertThat(n.revenue()).isEqualTo(100.0);
    }

    @Test void a_variant_without_counts_is_reported_empty_and_differences_wait_for_data() {
        ExperimentMetrics m = ExperimentAnalysis.of(E, List.of(new VariantCounts("old", 5, 10, 1, 1, 10, 100)), 7, false);
        VariantMetrics n = m.variants().get(0);
        assertThat(n.sessions()).isZero();
        assertThat(n.ctr().value()).isNull();
        assertThat(n.ctr().vsControl()).isNull();
        assertThat(n.revenuePerSession().value()).isNull();
        assertThat(m.complete()).isFalse();
    }

    @Test void clicks_beyond_the_logged_impressions_cap_the_rate_at_one() {
        ExperimentMetrics m = ExperimentAnalysis.of(E, List.of(new VariantCounts("old", 3, 2, 5, 0, 0, 0),
                new VariantCounts("new", 3, 4, 2, 0, 0, 0)), 1, true);
        VariantMetrics o = m.variants().get(1);
        assertThat(o.clicks()).isEqualTo(5);
        assertThat(o.ctr().value().value()).isEqualTo(1.0);
        assertThat(m.variants().get(0).ctr().vsControl().value()).isCloseTo(-0.5, within(1e-12));
    }

    @Test void a_clear_difference_is_flagged() {
        ExperimentMetrics m = ExperimentAnalysis.of(E, List.of(new VariantCounts("old", 5000, 5000, 250, 0, 0, 0),
                new VariantCounts("new", 5000, 5000, 400, 0, 0, 0)), 1, true);
        assertThat(m.variants().get(0).ctr().differsFromControl()).isTrue();
        assertThat(m.variants().get(0).ctr().vsControl().low()).isGreaterThan(0);
    }
}
