package io.aisle.recommend.experiment;

import io.aisle.core.experiment.Estimate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Intervals against values computed independently (mpmath at 30 digits) for the same inputs. */
class IntervalsTest {
    private static final double EPS = 1e-9;

    @Test void wilson_matches_the_closed_form_for_ten_in_a_hundred() {
        assertEstimate(Intervals.wilson(10, 100), 0.1, 0.055229137060675094, 0.17436566150491345);
    }

    @Test void wilson_stays_inside_zero_and_one_at_the_edges() {
        assertEstimate(Intervals.wilson(0, 20), 0.0, 0.0, 0.16112515805281935);
        assertEstimate(Intervals.wilson(20, 20), 1.0, 0.8388748419471808, 1.0);
        assertEstimate(Intervals.wilson(3, 7), 3.0 / 7, 0.1582198552514697, 0.7495416354723428);
    }

    @Test void wilson_has_no_interval_without_trials_and_refuses_more_successes_than_trials() {
        assertThat(Intervals.wilson(0, 0)).isNull();
        assertThatThrownBy(() -> Intervals.wilson(5, 4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..4");
    }

    @Test void mean_uses_the_t_quantile_for_few_values() {
        // Sessions with revenue 0, 0, 10, 20, 30: mean 12, sd sqrt(170), t(4) = 2.7764.
        assertEstimate(Intervals.mean(5, 60, 1400), 12.0, -4.18931784708704, 28.18931784708704);
        assertThat(Intervals.mean(1, 5, 25)).isNull();
    }

    @Test void mean_of_identical_values_has_a_zero_width_interval() {
        assertEstimate(Intervals.mean(4, 40, 400), 10, 10, 10);
    }

    @Test void relative_difference_of_proportions_is_the_katz_log_ratio_interval() {
        // 6.0% against 5.0%: +20%, interval from -16.7% to +72.8%.
        assertEstimate(Intervals.relativeDifference(60, 1000, 50, 1000), 0.2, -0.1669019005501623, 0.7284879187108322);
    }

    @Test void relative_difference_needs_successes_on_both_sides() {
        assertThat(Intervals.relativeDifference(0, 100, 5, 100)).isNull();
        assertThat(Intervals.relativeDifference(5, 100, 0, 100)).isNull();
    }

    @Test void relative_difference_of_means_uses_welch_degrees_of_freedom() {
        // Treatment: six sessions at 0 and 10, 20, 30, 40 (mean 10); control: seven at 0 and 10, 20, 30 (mean 6).
        // Welch-Satterthwaite df = 17.4, rounded down to 17.
        assertEstimate(Intervals.relativeDifferenceOfMeans(10, 100, 3000, 10, 60, 1400),
                2.0 / 3, -0.6480150868929826, 6.891752385799624);
        assertThat(Intervals.relativeDifferenceOfMeans(10, 0, 0, 10, 60, 1400)).isNull();
        assertThat(Intervals.relativeDifferenceOfMeans(1, 10, 100, 10, 60, 1400)).isNull();
    }

    @Test void t_quantiles_are_exact_in_the_table_and_close_beyond_it() {
        assertThat(Intervals.t975(1)).isEqualTo(12.706204736174705);
        assertThat(Intervals.t975(4.9)).isEqualTo(Intervals.t975(4)); // rounded down
        assertThat(Intervals.t975(31)).isCloseTo(2.0395134463964086, within(1e-7));
        assertThat(Intervals.t975(100)).isCloseTo(1.9839715185235522, within(1e-9));
        assertThat(Intervals.t975(1e12)).isCloseTo(Intervals.Z95, within(1e-8));
        assertThatThrownBy(() -> Intervals.t975(0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertEstimate(Estimate e, double value, double low, double high) {
        assertThat(e).isNotNull();
        assertThat(e.value()).isCloseTo(value, within(EPS));
        assertThat(e.low()).isCloseTo(low, within(EPS));
        assertThat(e.high()).isCloseTo(high, within(EPS));
    }
}
