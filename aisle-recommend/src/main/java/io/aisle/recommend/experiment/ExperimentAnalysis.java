package io.aisle.recommend.experiment;

import io.aisle.core.experiment.Estimate;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.ExperimentMetrics;
import io.aisle.core.experiment.Metric;
import io.aisle.core.experiment.Variant;
import io.aisle.core.experiment.VariantMetrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-variant counts into estimates with 95% intervals and each variant's relative difference from the
 * control: click-through rate and add-to-cart rate as proportions (Wilson; Katz log-ratio for the difference),
 * revenue per session as a mean (Student t; delta method with Welch degrees of freedom for the difference).
 * Sessions of one shopper are treated as independent, so with many sessions per shopper the intervals are somewhat
 * too narrow.
 */
public final class ExperimentAnalysis {
    private ExperimentAnalysis() {}

    /**
     * The metrics of {@code experiment} from {@code counts}, one per variant in definition order (a variant missing
     * from {@code counts} counts as empty).
     */
    public static ExperimentMetrics of(Experiment experiment, List<VariantCounts> counts, long throughOffset,
                                       boolean complete) {
        List<VariantCounts> ordered = new ArrayList<>();
        for (Variant v : experiment.variants()) {
            ordered.add(counts.stream().filter(c -> c.variant().equals(v.name())).findFirst()
                    .orElse(VariantCounts.empty(v.name())));
        }
        VariantCounts control = ordered.get(experiment.variants().indexOf(experiment.control()));
        List<VariantMetrics> out = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Variant v = experiment.variants().get(i);
            out.add(metrics(ordered.get(i), v.control() ? null : control, v.control()));
        }
        return new ExperimentMetrics(experiment.id(), out, throughOffset, complete);
    }

    /** One variant's metrics; {@code control} is null for the control itself. */
    static VariantMetrics metrics(VariantCounts c, VariantCounts control, boolean isControl) {
        Metric ctr = new Metric(Intervals.wilson(clicksShown(c), c.impressions()),
                control == null ? null : Intervals.relativeDifference(clicksShown(c), c.impressions(),
                        clicksShown(control), control.impressions()));
        Metric cart = new Metric(Intervals.wilson(c.cartSessions(), c.sessions()),
                control == null ? null : Intervals.relativeDifference(c.cartSessions(), c.sessions(),
                        control.cartSessions(), control.sessions()));
        Estimate rps = Intervals.mean(c.sessions(), c.revenue(), c.revenueSquares());
        Metric revenue = new Metric(rps, control == null ? null : Intervals.relativeDifferenceOfMeans(
                c.sessions(), c.revenue(), c.revenueSquares(), control.sessions(), control.revenue(), control.revenueSquares()));
        return new VariantMetrics(c.variant(), isControl, c.sessions(), c.impressions(), c.clicks(), c.cartSessions(),
                c.revenue(), ctr, cart, revenue);
    }

    /**
     * Clicks as a count of successes out of impressions: a click whose list view was not logged can push clicks
     * above impressions, and a rate above 1 is no proportion, so the rate is capped at 1.
     */
    private static long clicksShown(VariantCounts c) { return Math.min(c.clicks(), c.impressions()); }
}
