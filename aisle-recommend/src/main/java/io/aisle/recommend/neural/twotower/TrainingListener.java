package io.aisle.recommend.neural.twotower;

/** Hears about two-tower training as it goes, one report per epoch (for logs, progress bars, dashboards). */
@FunctionalInterface
public interface TrainingListener {

    void onEpoch(Epoch epoch);

    /** A listener that ignores every report. */
    static TrainingListener none() {
        return epoch -> { };
    }

    /**
     * One finished epoch.
     *
     * @param epoch   1-based epoch number
     * @param loss    mean sampled-softmax loss over the epoch's batches
     * @param seconds wall time of the epoch's gradient steps
     */
    record Epoch(int epoch, double loss, double seconds) {}
}
