package io.aisle.server.derived;

import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.ExperimentMetrics;
import io.aisle.recommend.experiment.ExperimentAnalysis;

import java.util.Optional;

/** Live experiment metrics: the tallies read under the projection host's lock, turned into estimates. */
public final class ExperimentResults {
    private final Personalization personalization;
    private final ExperimentTallies tallies;

    public ExperimentResults(Personalization personalization, ExperimentTallies tallies) {
        this.personalization = personalization;
        this.tallies = tallies;
    }

    /** The experiment's metrics; empty on an ingest-only node, where nothing follows the log. */
    public Optional<ExperimentMetrics> of(Experiment experiment) {
        if (!personalization.enabled()) return Optional.empty();
        ProjectionHost host = personalization.host();
        return Optional.of(host.read(() -> ExperimentAnalysis.of(experiment, tallies.counts(experiment.id()),
                tallies.lastOffset(), host.caughtUp())));
    }
}
