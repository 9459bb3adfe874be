package io.aisle.ingest;

import io.aisle.core.shopper.ShopperId;

import java.util.List;
import java.util.Objects;

/**
 * What one erasure did.
 *
 * @param linkedIds             anonymous ids that were linked to the shopper (their anonymous-only events went too)
 * @param eventsRemoved         events deleted from the log
 * @param projectionsNotified   names of the derived-state projections told to forget the shopper
 * @param recordRemoved         whether a shopper record (traits, consents, links) existed and was deleted
 */
public record ErasureReceipt(ShopperId shopperId, int linkedIds, long eventsRemoved, List<String> projectionsNotified,
                             boolean recordRemoved) {
    public ErasureReceipt {
        Objects.requireNonNull(shopperId, "shopperId");
        projectionsNotified = List.copyOf(projectionsNotified);
    }

    /** Whether anything at all was found to erase (a repeated erasure finds nothing). */
    public boolean foundAnything() { return recordRemoved || eventsRemoved > 0; }
}
