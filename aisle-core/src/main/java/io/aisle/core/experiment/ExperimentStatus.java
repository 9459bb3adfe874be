package io.aisle.core.experiment;

/** Where an experiment is in its life: assigning shoppers and collecting metrics, or over for good. */
public enum ExperimentStatus {
    RUNNING,
    /** No shopper is assigned any more and events after the stop no longer count; the metrics stay readable. */
    STOPPED;

    /** The lower-case name used on the wire. */
    public String wire() { return name().toLowerCase(java.util.Locale.ROOT); }
}
