package io.aisle.core.port;

import io.aisle.core.event.AppendOutcome;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;

import java.util.List;
import java.util.Set;

/**
 * The durable, append-only log of shopper events. Everything derived from events (sessions, features, models)
 * is rebuilt by reading it from an offset; consumers keep their own offsets in {@link ConsumerOffsets}.
 */
public interface EventLog extends AutoCloseable {

    /**
     * Appends events and returns only once they are durable (synced to disk). Outcomes come back in input order;
     * an event whose id is already in the log is reported as a duplicate and not stored again.
     *
     * @throws OverloadedException when the log cannot accept more work right now
     */
    List<AppendOutcome> append(List<ShopperEvent> events);

    /** Up to {@code max} events with offset greater than {@code afterOffset}, in offset order. */
    List<LoggedEvent> readAfter(long afterOffset, int max);

    /** The most recent events, newest first. */
    List<LoggedEvent> latest(int max);

    /** The offset of the last stored event, 0 when the log is empty. */
    long lastOffset();

    /** Number of events stored. */
    long count();

    /**
     * Deletes one person's events for the right to erasure: every event carrying {@code shopperId}, and every event
     * that carries no shopper id and one of {@code anonymousIds} (the devices linked to that shopper). An event of
     * another shopper is kept even when it carries one of those anonymous ids. Offsets of deleted events are never
     * given again, and the log keeps no record of the deleted event ids, so an erased event sent again is stored
     * again. Idempotent: a second call deletes nothing.
     *
     * @return how many events were deleted
     */
    long erase(ShopperId shopperId, Set<AnonymousId> anonymousIds);

    @Override void close();
}
