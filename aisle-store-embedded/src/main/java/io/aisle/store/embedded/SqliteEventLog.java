package io.aisle.store.embedded;

import io.aisle.core.event.AppendOutcome;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.json.EventJson;
import io.aisle.core.port.EventLog;
import io.aisle.core.port.OverloadedException;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.ToLongFunction;

/**
 * The event log in its own SQLite file, with group commit: callers on any number of threads queue their batches,
 * one writer thread stores everything queued so far in one transaction (one fsync), then releases every caller.
 * Throughput therefore grows with concurrency instead of being capped at one fsync per call. Duplicate ids are
 * found through an in-memory index ({@link EventIdIndex}) rather than a B-tree on the random id, which would cost
 * a page write per event; see the module README for the measurements.
 */
public final class SqliteEventLog implements EventLog {
    private static final Logger log = LoggerFactory.getLogger(SqliteEventLog.class);
    /** Overload is brief (a group commits in milliseconds), so a short back-off is enough. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** Tasks taken into one transaction at most; bounds a group's latency as well as its size. */
    private static final int MAX_GROUP_TASKS = 2_048;

    private static final long SLOW_GROUP_MS = 1_000;
    /** Offsets an erasure scans per transaction, so one erasure never holds the writer for long. */
    private static final long ERASE_CHUNK = 1_000_000;
    /** Linked devices matched per query; a shopper with more takes several. */
    private static final int DEVICES_PER_QUERY = 64;
    /** Offsets past the caller's scan that the writer scans itself; more are scanned again by the caller first. */
    static final long WRITER_TAIL = 10_000;

    private static final String ID_AT = "SELECT event_id FROM events WHERE \"offset\" = ?";

    private final SqliteDatabase db;
    private final EventJson json;
    private final Clock clock;
    private final int maxPendingEvents;
    private final ToLongFunction<String> idHash;
    private final AtomicInteger pending = new AtomicInteger();
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    /** Append holds it shared to enqueue, close exclusively to stop: nothing is queued after the writer's last look. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final AtomicLong count = new AtomicLong();
    private volatile long lastOffset;
    private final Thread writer;
    // Written by the writer thread only (and the constructor, before it starts).
    private final EventIdIndex ids = new EventIdIndex();
    private long highWater;
    private volatile long groups;

    SqliteEventLog(SqliteDatabase db, EventJson json, Clock clock, int maxPendingEvents) {
        this(db, json, clock, maxPendingEvents, EventIdIndex::hash);
    }

    /** With a chosen id hash: tests pass a weak one so that the hash-collision paths run. */
    SqliteEventLog(SqliteDatabase db, EventJson json, Clock clock, int maxPendingEvents, ToLongFunction<String> idHash) {
        if (maxPendingEvents < 1) throw new IllegalArgumentException("maxPendingEvents must be at least 1");
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.maxPendingEvents = maxPendingEvents;
        this.idHash = idHash;
        long[] state = db.read(h -> {
            long n = queryLong(h, "SELECT count(*) FROM events");
            long max = queryLong(h, "SELECT coalesce(max(\"offset\"), 0) FROM events");
            long meta = queryLong(h, "SELECT coalesce(max(value), 0) FROM log_meta WHERE key = 'high_water'");
            return new long[] {n, max, meta};
        });
        count.set(state[0]);
        lastOffset = state[1];
        highWater = Math.max(state[1], state[2]);
        long started = System.nanoTime();
        db.read(this::loadIds);
        writer = Thread.ofPlatform().name("aisle-event-log-writer").daemon().start(this::runWriter);
        log.info("event=event_log.open events={} last_offset={} max_pending_events={} id_index_ms={}", state[0],
                state[1], maxPendingEvents, (System.nanoTime() - started) / 1_000_000);
    }

    @Override public List<AppendOutcome> append(List<ShopperEvent> events) {
        Objects.requireNonNull(events, "events");
        if (closed) throw closedError();
        if (events.isEmpty()) return List.of();
        int n = events.size();
        if (n > maxPendingEvents) {
            throw new IllegalArgumentException("a batch of " + n + " events exceeds maxPendingEvents " + maxPendingEvents);
        }
        if (pending.addAndGet(n) > maxPendingEvents) {
            int now = pending.addAndGet(-n);
            throw new OverloadedException("event log is saturated: " + now + " events waiting to be written (max "
                    + maxPendingEvents + ")", RETRY_AFTER);
        }
        Append task;
        try {
            // Encoding here spreads the JSON work over the callers' threads; the writer only binds and inserts.
            long receivedAt = Micros.of(clock.instant());
            EventRow[] rows = new EventRow[n];
            for (int i = 0; i < n; i++) rows[i] = EventRow.of(events.get(i), json, idHash, receivedAt);
            task = new Append(rows, new CompletableFuture<>());
            gate.readLock().lock();
            try {
                if (closed) throw closedError();
                queue.add(task);
            } finally {
                gate.readLock().unlock();
            }
        } catch (RuntimeException e) {
            pending.addAndGet(-n);
            throw e;
        }
        return await(task.done());
    }

    /**
     * Deletes one person's events (right to erasure): the shopper's, found through {@code events_scan}, and the
     * anonymous-only events of the devices linked to them. No index holds anonymous ids (one would cost every append;
     * see the README), so those are found by reading the table, on a reader connection from this thread while appends
     * carry on; the writer thread then deletes everything between two groups and looks only at the few events that
     * arrived after the scan.
     */
    @Override public long erase(ShopperId shopperId, Set<AnonymousId> anonymousIds) {
        Objects.requireNonNull(shopperId, "shopperId");
        if (closed) throw closedError();
        List<String> devices = anonymousIds.stream().map(AnonymousId::value).distinct().sorted().toList();
        DeviceScan scan = devices.isEmpty() ? new DeviceScan(List.of(), Long.MAX_VALUE) : scanDevices(devices);
        Erase task = new Erase(shopperId.value(), devices, scan, new CompletableFuture<>());
        gate.readLock().lock();
        try {
            if (closed) throw closedError();
            queue.add(task);
        } finally {
            gate.readLock().unlock();
        }
        return await(task.done());
    }

    /**
     * The devices' anonymous-only events up to about the current end of the log, read in offset ranges (one snapshot
     * each, so checkpoints are never held back for long). What arrives meanwhile is scanned again until little is
     * left for the writer, which scans that remainder itself.
     */
    private DeviceScan scanDevices(List<String> devices) {
        List<long[]> found = new ArrayList<>();
        long upTo = 0;
        for (int round = 0; round < 4; round++) {
            long target = lastOffset;
            if (target - upTo <= WRITER_TAIL) break;
            for (long from = upTo; from < target; from += ERASE_CHUNK) {
                long lo = from;
                long hi = Math.min(target, lo + ERASE_CHUNK);
                found.addAll(db.read(h -> anonymousOnly(h, devices, lo, hi)));
            }
            upTo = target;
        }
        return new DeviceScan(found, upTo);
    }

    /** Deletes every event of a known shopper; {@link #erase} with no linked devices. */
    public long eraseShopper(String shopperId) {
        return erase(ShopperId.of(shopperId), Set.of());
    }

    @Override public List<LoggedEvent> readAfter(long afterOffset, int max) {
        requireMax(max);
        if (max == 0) return List.of();
        return decode(db.read(h -> {
            PreparedStatement ps = h.prepare("SELECT \"offset\", received_at, payload FROM events WHERE \"offset\" > ? "
                    + "ORDER BY \"offset\" LIMIT ?");
            ps.setLong(1, afterOffset);
            ps.setInt(2, max);
            return rows(ps);
        }));
    }

    @Override public List<LoggedEvent> latest(int max) {
        requireMax(max);
        if (max == 0) return List.of();
        return decode(db.read(h -> {
            PreparedStatement ps = h.prepare("SELECT \"offset\", received_at, payload FROM events "
                    + "ORDER BY \"offset\" DESC LIMIT ?");
            ps.setInt(1, max);
            return rows(ps);
        }));
    }

    @Override public long lastOffset() { return lastOffset; }

    @Override public long count() { return count.get(); }

    /** Events accepted by {@link #append} and not yet durable; for metrics and back-pressure. */
    public int pendingEvents() { return pending.get(); }


    /** Entries in the in-memory id index; for tests, read while no append or erasure is in flight. */
    int idIndexSize() { return ids.size(); }

    /** Tasks queued and not yet taken by the writer (tests use it to shape groups; pending counts earlier). */
    int queuedTasks() { return queue.size(); }

    /** Whether the writer has taken its next group and waits for the database (tests use it to shape groups). */
    boolean writerWaitingForDatabase() { return db.isWaitingToWrite(writer); }

    /** Transactions committed by the writer since open; fewer than append calls means group commit is working. */
    public long groupsCommitted() { return groups; }

    /** Stops taking appends, writes everything already queued, then closes the database file. */
    @Override public void close() {
        gate.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            queue.add(Stop.INSTANCE);
        } finally {
            gate.writeLock().unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish closing: leaving the writer half-stopped would lose acknowledged work
            }
        }
        db.close();
        log.info("event=event_log.close events={} last_offset={} groups={}", count.get(), lastOffset, groups);
        if (interrupted) Thread.currentThread().interrupt();
    }

    // ---- writer thread ----

    private void runWriter() {
        List<Task> group = new ArrayList<>();
        List<Append> appends = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, through the queue, so queued work is never dropped
            }
            queue.drainTo(group, MAX_GROUP_TASKS - 1);
            for (Task t : group) {
                switch (t) {
                    case Append a -> appends.add(a);
                    case Erase e -> {
                        flush(appends);
                        erase(e);
                    }
                    case Stop s -> stop = true;
                }
            }
            flush(appends);
            group.clear();
        }
    }

    private void flush(List<Append> appends) {
        if (appends.isEmpty()) return;
        int events = 0;
        for (Append a : appends) events += a.rows().length;
        Group result = null;
        Throwable failure = null;
        try {
            long started = System.nanoTime();
            result = db.write(h -> insert(h, appends));
            long ms = (System.nanoTime() - started) / 1_000_000;
            // Callers wait for the whole group: a slow one shows as ack latency (disk stalls, a slow checkpoint).
            if (ms >= SLOW_GROUP_MS) log.warn("event=event_log.slow_group ms={} events={} callers={}", ms, events, appends.size());
            publish(result.added());
            highWater = result.highWater();
            lastOffset = result.highWater();
            count.addAndGet(result.added().size());
            groups++;
        } catch (Throwable t) {
            failure = t;
        }
        // Capacity is handed back before callers are released, so a released caller can append again at once.
        pending.addAndGet(-events);
        if (failure == null) {
            for (int i = 0; i < appends.size(); i++) appends.get(i).done().complete(Arrays.asList(result.outcomes()[i]));
        } else {
            log.error("event=event_log.write_failed events={} callers={} reason=\"{}\"", events, appends.size(),
                    failure.getMessage(), failure);
            StorageException error = new StorageException("event log write failed; no event of this batch was stored: "
                    + failure.getMessage(), failure);
            for (Append a : appends) a.done().completeExceptionally(error);
        }
        appends.clear();
    }

    /**
     * Inserts the group's new events in one batch. Offsets and id-index entries are only published after the commit,
     * so a rolled-back group leaves {@link #highWater} and {@link #ids} as they were.
     */
    private Group insert(SqliteHandle h, List<Append> appends) throws SQLException {
        Map<String, Long> inGroup = new HashMap<>();
        List<NewId> added = new ArrayList<>();
        List<EventRow> rowsToInsert = new ArrayList<>();
        long next = highWater + 1;
        AppendOutcome[][] outcomes = new AppendOutcome[appends.size()][];
        for (int a = 0; a < appends.size(); a++) {
            EventRow[] rows = appends.get(a).rows();
            AppendOutcome[] out = new AppendOutcome[rows.length];
            for (int i = 0; i < rows.length; i++) {
                EventRow r = rows[i];
                Long earlier = inGroup.get(r.eventId());
                long existing = earlier != null ? earlier : storedOffset(h, r);
                if (existing > 0) {
                    out[i] = new AppendOutcome.Duplicate(existing);
                    inGroup.put(r.eventId(), existing);
                    continue;
                }
                out[i] = new AppendOutcome.Stored(next);
                inGroup.put(r.eventId(), next);
                added.add(new NewId(r.idHash(), r.eventId(), next, existing < 0));
                rowsToInsert.add(r);
                next++;
            }
            outcomes[a] = out;
        }
        EventRow.insert(h, rowsToInsert, highWater + 1);
        return new Group(outcomes, added, next - 1);
    }

    /** The offset of a stored event with this id; 0 when there is none, -1 when none but its hash is taken. */
    private long storedOffset(SqliteHandle h, EventRow r) throws SQLException {
        long candidate = ids.get(r.idHash());
        boolean hashTaken = false;
        if (candidate != 0) {
            String stored = idAt(h, candidate);
            if (r.eventId().equals(stored)) return candidate;
            hashTaken = stored != null; // null: that event was erased, so the slot is free to reuse
        }
        long collision = ids.collision(r.eventId());
        if (collision != 0 && r.eventId().equals(idAt(h, collision))) return collision;
        return hashTaken ? -1 : 0;
    }

    private void publish(List<NewId> added) {
        long first = added.isEmpty() ? 0 : added.getFirst().offset();
        for (NewId n : added) {
            // A slot filled earlier in this same group by another id with the same hash is a collision too.
            if (n.collision() || ids.get(n.hash()) >= first) ids.putCollision(n.eventId(), n.offset());
            else ids.put(n.hash(), n.offset());
        }
    }

    private static String idAt(SqliteHandle h, long offset) throws SQLException {
        PreparedStatement ps = h.prepare(ID_AT);
        ps.setLong(1, offset);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Rebuilds the id index from the narrow offset-ordered index: a sequential read, not a table scan. */
    private Void loadIds(SqliteHandle h) throws SQLException {
        List<Long> clashes = new ArrayList<>();
        try (PreparedStatement ps = h.connection().prepareStatement(
                "SELECT \"offset\", id_hash FROM events INDEXED BY events_scan ORDER BY \"offset\"");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long offset = rs.getLong(1);
                long hash = rs.getLong(2);
                if (ids.get(hash) == 0) ids.put(hash, offset);
                else clashes.add(offset);
            }
        }
        for (long offset : clashes) ids.putCollision(idAt(h, offset), offset);
        return null;
    }

    /**
     * Deletes in offset ranges, one transaction each. Deleted content is zeroed ({@code secure_delete}), the id index
     * forgets the erased ids, and the WAL is truncated at the end so no copy of the erased rows stays in it.
     */
    private void erase(Erase task) {
        try {
            long end = highWater;
            long deleted = 0;
            for (long from = 0; from < end; from += ERASE_CHUNK) {
                long lo = from;
                long hi = Math.min(end, lo + ERASE_CHUNK);
                List<long[]> gone = db.writeErasing(h -> {
                    if (lo == 0) {
                        PreparedStatement meta = h.prepare("INSERT INTO log_meta (key, value) VALUES ('high_water', ?) "
                                + "ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)");
                        meta.setLong(1, end);
                        meta.executeUpdate();
                    }
                    PreparedStatement del = h.prepare("DELETE FROM events WHERE \"offset\" = ?");
                    List<long[]> done = new ArrayList<>();
                    for (long[] m : matches(h, task, lo, hi)) {
                        del.setLong(1, m[0]);
                        // 0 when another erasure took it after the scan found it.
                        if (del.executeUpdate() == 1) done.add(m);
                    }
                    return done;
                });
                // Only after the commit: a rolled-back chunk must still be found as a duplicate.
                for (long[] g : gone) ids.remove(g[1], g[0]);
                deleted += gone.size();
            }
            if (deleted > 0 && !db.truncateWal()) log.warn("event=event_log.erase_wal_kept reason=busy");
            long last = db.read(h -> queryLong(h, "SELECT coalesce(max(\"offset\"), 0) FROM events"));
            count.addAndGet(-deleted);
            lastOffset = last;
            log.info("event=event_log.erase deleted={} devices={}", deleted, task.anonymousIds().size());
            task.done().complete(deleted);
        } catch (Throwable t) {
            log.error("event=event_log.erase_failed reason=\"{}\"", t.getMessage(), t);
            task.done().completeExceptionally(new StorageException("erasure failed part way; run it again to finish: "
                    + t.getMessage(), t));
        }
    }

    /**
     * (offset, id hash) of the erased person's events in (lo, hi]: the shopper's from {@code events_scan}, the devices'
     * from the caller's scan, and past the end of that scan from the table.
     */
    private static List<long[]> matches(SqliteHandle h, Erase task, long lo, long hi) throws SQLException {
        List<long[]> found = new ArrayList<>();
        PreparedStatement byShopper = h.prepare("SELECT \"offset\", id_hash FROM events INDEXED BY events_scan "
                + "WHERE \"offset\" > ? AND \"offset\" <= ? AND shopper_id = ?");
        byShopper.setLong(1, lo);
        byShopper.setLong(2, hi);
        byShopper.setString(3, task.shopperId());
        collect(byShopper, found);
        for (long[] m : task.scan().found()) if (m[0] > lo && m[0] <= hi) found.add(m);
        long scanned = task.scan().upTo();
        if (!task.anonymousIds().isEmpty() && hi > scanned) {
            found.addAll(anonymousOnly(h, task.anonymousIds(), Math.max(lo, scanned), hi));
        }
        return found;
    }

    /** (offset, id hash) of events in (lo, hi] with no shopper id and one of these anonymous ids: a table range scan. */
    private static List<long[]> anonymousOnly(SqliteHandle h, List<String> devices, long lo, long hi) throws SQLException {
        List<long[]> found = new ArrayList<>();
        for (int from = 0; from < devices.size(); from += DEVICES_PER_QUERY) {
            List<String> chunk = devices.subList(from, Math.min(devices.size(), from + DEVICES_PER_QUERY));
            // Sizes rounded up to a power of two (padded with a repeat) keep the statement cache small.
            int size = chunk.size() == 1 ? 1 : Math.min(DEVICES_PER_QUERY, Integer.highestOneBit(chunk.size() - 1) << 1);
            // NOT INDEXED: walk the table by offset (its primary key) rather than probe it from events_scan row by row.
            PreparedStatement ps = h.prepare("SELECT \"offset\", id_hash FROM events NOT INDEXED WHERE \"offset\" > ? "
                    + "AND \"offset\" <= ? AND shopper_id IS NULL AND anonymous_id IN (" + "?,".repeat(size - 1) + "?)");
            ps.setLong(1, lo);
            ps.setLong(2, hi);
            for (int i = 0; i < size; i++) ps.setString(3 + i, chunk.get(Math.min(i, chunk.size() - 1)));
            collect(ps, found);
        }
        return found;
    }

    private static void collect(PreparedStatement ps, List<long[]> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) into.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
    }

    // ---- helpers ----

    private static <T> T await(CompletableFuture<T> done) {
        try {
            // The writer completes every task it takes, and close() drains the queue, so this cannot hang.
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StorageException s) throw new StorageException(s.getMessage(), s);
            throw e;
        }
    }

    private static List<Raw> rows(PreparedStatement ps) throws SQLException {
        List<Raw> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new Raw(rs.getLong(1), rs.getLong(2), rs.getBytes(3)));
        }
        return out;
    }

    /** Decoding happens after the reader connection is handed back, so JSON work does not hold it. */
    private List<LoggedEvent> decode(List<Raw> raws) {
        List<LoggedEvent> out = new ArrayList<>(raws.size());
        for (Raw r : raws) out.add(new LoggedEvent(r.offset(), Micros.toInstant(r.receivedAt()), json.fromBytes(r.payload())));
        return out;
    }

    static long queryLong(SqliteHandle h, String sql) throws SQLException {
        try (ResultSet rs = h.prepare(sql).executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void requireMax(int max) {
        if (max < 0) throw new IllegalArgumentException("max must not be negative, got " + max);
    }

    private static IllegalStateException closedError() { return new IllegalStateException("event log is closed"); }

    private sealed interface Task permits Append, Erase, Stop {}

    private record Append(EventRow[] rows, CompletableFuture<List<AppendOutcome>> done) implements Task {}

    private record Erase(String shopperId, List<String> anonymousIds, DeviceScan scan, CompletableFuture<Long> done)
            implements Task {}

    /** (offset, id hash) of the devices' anonymous-only events found at offsets up to {@code upTo}. */
    private record DeviceScan(List<long[]> found, long upTo) {}

    private enum Stop implements Task { INSTANCE }

    private record Group(AppendOutcome[][] outcomes, List<NewId> added, long highWater) {}

    private record NewId(long hash, String eventId, long offset, boolean collision) {}

    private record Raw(long offset, long receivedAt, byte[] payload) {}
}
