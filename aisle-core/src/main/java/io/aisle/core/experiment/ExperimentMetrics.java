package io.aisle.core.experiment;

import java.util.List;

/**
 * Per-variant metrics of one experiment, in the order the variants were defined.
 *
 * @param throughOffset the last event-log offset the counts include
 * @param complete      false while the log is still being replayed after a start, so counts are partial
 */
public record ExperimentMetrics(String experimentId, List<VariantMetrics> variants, long throughOffset, boolean complete) {
    public ExperimentMetrics { variants = List.copyOf(variants); }
}
