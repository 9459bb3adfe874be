package io.aisle.server.derived;

import io.aisle.core.event.LoggedEvent;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.replay.Projection;
import io.aisle.recommend.experiment.ExperimentTally;
import io.aisle.recommend.experiment.Experiments;
import io.aisle.recommend.experiment.VariantCounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-variant counts of every experiment, as a projection of the event log: one {@link ExperimentTally} per
 * experiment, fed every event. Definitions come from {@link Experiments}; a new experiment or a stop is picked up
 * before the next page, and a replay after a restart knows them all from the start, so it counts the same events.
 * Runs on the personalization host: applied under its write lock, read under its read lock.
 */
public final class ExperimentTallies implements Projection {
    private final Experiments experiments;
    private final Map<String, ExperimentTally> tallies = new LinkedHashMap<>();
    private long syncedVersion = -1;
    private long lastOffset;

    public ExperimentTallies(Experiments experiments) { this.experiments = experiments; }

    @Override public String name() { return "experiment-metrics"; }

    @Override public void apply(LoggedEvent event) { applyAll(List.of(event)); }

    @Override public void applyAll(List<LoggedEvent> events) {
        sync();
        for (LoggedEvent e : events) {
            for (ExperimentTally t : tallies.values()) t.accept(e);
        }
        if (!events.isEmpty()) lastOffset = events.getLast().offset();
    }

    @Override public void reset() {
        tallies.clear();
        syncedVersion = -1;
        lastOffset = 0;
    }

    @Override public void forget(Set<String> actorKeys) {
        for (ExperimentTally t : tallies.values()) t.forget(actorKeys);
    }

    /** The counts of one experiment so far; empty counts for one created since the last page. Call under the read lock. */
    public List<VariantCounts> counts(String experimentId) {
        ExperimentTally t = tallies.get(experimentId);
        return t == null ? List.of() : t.counts();
    }

    /** The offset of the last event counted. Call under the read lock. */
    public long lastOffset() { return lastOffset; }

    private void sync() {
        long version = experiments.version();
        if (version == syncedVersion) return;
        for (Experiment e : experiments.list()) {
            ExperimentTally t = tallies.get(e.id());
            if (t == null) tallies.put(e.id(), new ExperimentTally(e));
            else if (!t.experiment().equals(e)) t.redefine(e);
        }
        syncedVersion = version;
    }
}
