package io.aisle.embeddings.behaviour;

import java.time.Instant;

/**
 * How a behaviour model was made, stored as its metadata.
 *
 * @param eventsUsed      events with an item signal that the last full training used
 * @param shoppers        shoppers (after identity stitching) in the last full training
 * @param cutoff          only events before this time were used; null when there was no cutoff
 * @param lastEventAt     timestamp of the newest event used, null when none
 * @param logOffset       the event-log offset read up to; a fold-in continues after it (0 when not trained from a log)
 * @param trainSeconds    wall time of the last full training
 * @param foldedInEvents  events folded in since the last full training
 * @param foldedInItems   items added by fold-in since the last full training
 */
public record TrainingInfo(long eventsUsed, int shoppers, Instant cutoff, Instant lastEventAt, long logOffset,
                           double trainSeconds, long foldedInEvents, int foldedInItems) {}
