package io.aisle.core.experiment;

import java.util.List;

/** Durable experiment definitions; small (dozens), read whole at start and rewritten on each change. */
public interface ExperimentStore {
    /** Every stored experiment, oldest first. */
    List<Experiment> all();

    /** Stores an experiment, replacing the one with the same id; durable when it returns. */
    void put(Experiment experiment);
}
