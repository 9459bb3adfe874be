package io.aisle.features.feature;

import java.util.List;

/**
 * An exported training set.
 *
 * @param rows       one per label, in label time order (ties in the order given)
 * @param eventsRead events read from the log
 * @param lateEvents events that arrived after a label they precede had been emitted (later than the exporter's
 *                   allowed lateness): that label missed them, where the online store, reading by event time,
 *                   would have counted them. Zero means the rows match what the online store gives.
 */
public record TrainingSet(List<TrainingRow> rows, long eventsRead, long lateEvents) {
    public TrainingSet { rows = List.copyOf(rows); }
}
