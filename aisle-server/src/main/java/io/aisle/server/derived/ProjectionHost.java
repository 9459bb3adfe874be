package io.aisle.server.derived;

import io.aisle.core.event.LoggedEvent;
import io.aisle.core.port.EventLog;
import io.aisle.core.replay.ActorMemory;
import io.aisle.core.replay.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps the in-memory projections (sessions, graph, features, shopper vectors) in step with the event log: on
 * start it replays the whole log into them, then follows new events. Projections are single-threaded, so every
 * update happens under a write lock and every query under a read lock; pages are small so queries wait only
 * milliseconds behind an update.
 */
public final class ProjectionHost implements ActorMemory, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProjectionHost.class);

    private final EventLog events;
    private final List<Projection> projections;
    private final Duration poll;
    private final int pageSize;
    private final double busyShare;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long applied;
    /** Actors erased while this process runs; a page read before their erasure must not bring them back. */
    private final Set<String> forgotten = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile long forgets;
    private volatile long failures;
    private volatile boolean caughtUp;
    private volatile boolean closed;
    private Thread follower;

    public ProjectionHost(EventLog events, List<Projection> projections, Duration poll, int pageSize) {
        this(events, projections, poll, pageSize, 1.0);
    }

    /**
     * @param busyShare once the first replay is done, the share of one core following may use: after a page that
     *                  took t, it pauses t x (1 - share) / share, so a burst of ingestion (durable writes, the part
     *                  a client waits for) keeps the CPU and derived state catches up after it. 1 means no pause.
     */
    public ProjectionHost(EventLog events, List<Projection> projections, Duration poll, int pageSize, double busyShare) {
        if (!(busyShare > 0 && busyShare <= 1)) throw new IllegalArgumentException("busyShare must be in (0, 1], got " + busyShare);
        this.busyShare = busyShare;
        this.events = events;
        this.projections = List.copyOf(projections);
        this.poll = poll;
        if (pageSize < 1) throw new IllegalArgumentException("pageSize must be at least 1, got " + pageSize);
        this.pageSize = pageSize;
    }

    /** Starts following the log from the beginning on a background thread. */
    public synchronized ProjectionHost start() {
        if (follower != null) throw new IllegalStateException("already started");
        follower = Thread.ofVirtual().name("aisle-projections").start(this::follow);
        return this;
    }

    private void follow() {
        long started = System.nanoTime();
        while (!closed) {
            try {
                long before = applied;
                catchUp();
                if (!caughtUp) {
                    caughtUp = true;
                    log.atInfo().addKeyValue("events", applied).addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                            .log("projections replayed");
                }
                if (applied == before) Thread.sleep(poll);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A failing page must not stop the follower for good; it retries after a pause.
                log.atError().setCause(e).addKeyValue("offset", applied).log("projection update failed");
                try {
                    Thread.sleep(Duration.ofSeconds(1));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Applies pages until the end of the log: each page is read outside the lock and applied under it. */
    private void catchUp() throws InterruptedException {
        for (List<LoggedEvent> page; !closed; ) {
            long started = System.nanoTime();
            long forgetsBefore = forgets;
            page = events.readAfter(applied, pageSize);
            if (page.isEmpty()) return;
            lock.writeLock().lock();
            try {
                // An erasure between reading the page and taking the lock may have removed some of its events.
                List<LoggedEvent> apply = forgets == forgetsBefore ? page
                        : page.stream().filter(e -> !forgotten.contains(ownerKey(e))).toList();
                for (Projection p : projections) {
                    try {
                        p.applyAll(apply);
                    } catch (RuntimeException e) {
                        // Retrying the page would apply it twice to the projections that took it; this one
                        // misses it instead, loudly, and the next start's replay makes it whole again.
                        failures++;
                        log.atError().setCause(e).addKeyValue("projection", p.name())
                                .addKeyValue("first_offset", apply.isEmpty() ? -1 : apply.getFirst().offset())
                                .log("projection failed on a page; it misses those events until the next replay");
                    }
                }
            } finally {
                lock.writeLock().unlock();
            }
            applied = page.getLast().offset();
            if (caughtUp && busyShare < 1) {
                long pause = (long) ((System.nanoTime() - started) * (1 - busyShare) / busyShare);
                if (pause > 0) Thread.sleep(Duration.ofNanos(pause));
            }
        }
    }

    /** Runs a query against the projections while no update is in progress. */
    public <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override public String name() { return "projections"; }

    /** Erases actors from every projection, between pages. */
    @Override public void forget(Set<String> actorKeys) {
        lock.writeLock().lock();
        try {
            forgotten.addAll(actorKeys);
            forgets++;
            for (Projection p : projections) p.forget(actorKeys);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The key erasure removes an event under: its shopper's when it has one, else its device's. */
    private static String ownerKey(LoggedEvent e) {
        var actor = e.event().actor();
        return actor.shopperId() != null ? "s:" + actor.shopperId().value() : "a:" + actor.anonymousId().value();
    }

    /** Pages a projection failed on since start (each one missed by that projection until the next replay). */
    public long failures() { return failures; }

    /** Offset of the last event applied. */
    public long appliedOffset() { return applied; }

    /** Whether the first replay has finished (until then answers reflect part of the history). */
    public boolean caughtUp() { return caughtUp; }

    /** Events the projections have not seen yet. */
    public long lag() { return Math.max(0, events.lastOffset() - applied); }

    @Override public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = follower;
        }
        stop(t, Duration.ofSeconds(5));
    }

    /** Interrupts a background thread and waits a bounded time for it to end. */
    static void stop(Thread thread, Duration wait) {
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
