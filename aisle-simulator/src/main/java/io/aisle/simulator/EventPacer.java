package io.aisle.simulator;

import io.aisle.core.event.ShopperEvent;

import java.time.Instant;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Feeds simulated events to a sink at a steady rate, for a live demo: a storefront that seems busy without a script
 * per shopper. Events keep their order; with {@link Timestamps#NOW} they are restamped to the moment they are sent,
 * so an ingest API that refuses stale or future timestamps accepts them.
 */
public final class EventPacer {
    /** Whether sent events keep their simulated timestamps or take the time they are sent. */
    public enum Timestamps { ORIGINAL, NOW }

    /** Sleeping for less than this costs more than it saves; the pacer catches up in bursts instead. */
    private static final long MIN_SLEEP_NANOS = 1_000_000L;

    private final PacingClock clock;

    public EventPacer(PacingClock clock) { this.clock = clock; }

    /**
     * Sends events to {@code sink} at {@code perSecond} until {@code limit} are sent or the events run out, and
     * returns how many were sent. The schedule is absolute (event k is due k/perSecond after the first), so a slow
     * sink is caught up rather than drifting.
     *
     * @throws InterruptedException when the thread is interrupted; events sent so far stay sent
     */
    public long run(Iterator<ShopperEvent> events, double perSecond, Timestamps timestamps, long limit,
                    Consumer<ShopperEvent> sink) throws InterruptedException {
        if (!(perSecond > 0 && perSecond <= 10_000_000)) throw new IllegalArgumentException("perSecond must be in (0, 1e7], got " + perSecond);
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative, got " + limit);
        double interval = 1e9 / perSecond;
        long begin = clock.nanoTime();
        Instant last = Instant.MIN;
        long sent = 0;
        while (sent < limit && events.hasNext()) {
            if (Thread.interrupted()) throw new InterruptedException("pacing interrupted after " + sent + " events");
            long due = begin + (long) (sent * interval);
            long wait = due - clock.nanoTime();
            if (wait >= MIN_SLEEP_NANOS) clock.sleepNanos(wait);
            ShopperEvent e = events.next();
            if (timestamps == Timestamps.NOW) {
                Instant now = clock.now();
                // Keep order even if the wall clock steps back or two events share a millisecond.
                Instant at = now.isAfter(last) ? now : last.plusMillis(1);
                last = at;
                e = new ShopperEvent(e.id(), e.name(), e.actor(), e.sessionId(), at, e.items(), e.query(), e.filters(),
                        e.value(), e.currency(), e.context(), e.dwellMs(), e.scrollPct(), e.zoom());
            }
            sink.accept(e);
            sent++;
        }
        return sent;
    }
}
