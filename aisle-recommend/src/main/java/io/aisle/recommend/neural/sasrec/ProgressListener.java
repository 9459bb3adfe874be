package io.aisle.recommend.neural.sasrec;

import java.util.OptionalDouble;

/** Hears about training as it goes, one report per epoch (for logs, progress bars, dashboards). */
@FunctionalInterface
public interface ProgressListener {

    void onEpoch(Epoch epoch);

    /** A listener that ignores every report. */
    static ProgressListener none() {
        return epoch -> { };
    }

    /**
     * One finished epoch.
     *
     * @param epoch         1-based epoch number
     * @param loss          mean training loss over the epoch's batches
     * @param seconds       wall time of the epoch's gradient steps
     * @param validationNdcg NDCG@10 on the validation targets, when the trainer was given them
     */
    record Epoch(int epoch, double loss, double seconds, OptionalDouble validationNdcg) {}
}
