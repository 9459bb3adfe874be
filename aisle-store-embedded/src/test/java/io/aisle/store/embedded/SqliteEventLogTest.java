package io.aisle.store.embedded;

import io.aisle.core.event.AppendOutcome;
import io.aisle.core.event.AppendOutcome.Duplicate;
import io.aisle.core.event.AppendOutcome.Stored;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.json.EventJson;
import io.aisle.core.json.Json;
import io.aisle.core.port.OverloadedException;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.stream.LongStream;

import static io.aisle.store.embedded.Fixtures.CLOCK;
import static io.aisle.store.embedded.Fixtures.NOW;
import static io.aisle.store.embedded.Fixtures.search;
import static io.aisle.store.embedded.Fixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteEventLogTest {
    @TempDir Path dir;
    private SqliteDatabase db;
    private SqliteEventLog log;

    private SqliteEventLog open(int maxPending) { return open(maxPending, EventIdIndex::hash); }

    private SqliteEventLog open(int maxPending, ToLongFunction<String> idHash) {
        db = SqliteDatabase.open(dir.resolve("events.db"), Schemas.EVENTS,
                new SqliteDatabase.Settings(2, 4096, 1000, true), CLOCK);
        log = new SqliteEventLog(db, new EventJson(Json.mapper(), CLOCK), CLOCK, maxPending, idHash);
        return log;
    }

    private SqliteEventLog reopen() {
        log.close();
        return open(50_000);
    }

    @AfterEach void closeLog() {
        if (log != null) log.close();
    }

    @Test void stores_events_at_increasing_offsets_from_one_and_reads_them_back() {
        open(1000);
        List<ShopperEvent> events = List.of(view("e1", "alice"), search("e2", "dev-9"), view("e3", "bob"));
        assertThat(log.append(events)).containsExactly(new Stored(1), new Stored(2), new Stored(3));
        assertThat(log.count()).isEqualTo(3);
        assertThat(log.lastOffset()).isEqualTo(3);
        List<LoggedEvent> read = log.readAfter(0, 10);
        assertThat(read).extracting(LoggedEvent::offset).containsExactly(1L, 2L, 3L);
        assertThat(read).extracting(LoggedEvent::event).containsExactlyElementsOf(events);
        assertThat(read).extracting(LoggedEvent::receivedAt).containsOnly(NOW);
        assertThat(log.latest(2)).extracting(LoggedEvent::offset).containsExactly(3L, 2L);
        assertThat(log.readAfter(3, 10)).isEmpty();
        assertThat(log.append(List.of())).isEmpty();
    }

    @Test void a_repeated_id_within_one_call_is_a_duplicate_of_its_first_occurrence() {
        open(1000);
        assertThat(log.append(List.of(view("a", "alice"), view("b", "alice"), view("a", "alice"))))
                .containsExactly(new Stored(1), new Stored(2), new Duplicate(1));
        assertThat(log.count()).isEqualTo(2);
    }

    @Test void a_repeated_id_in_a_later_call_and_after_a_restart_is_a_duplicate() {
        open(1000);
        log.append(List.of(view("a", "alice"), view("b", "alice")));
        assertThat(log.append(List.of(view("b", "alice"), view("c", "alice"))))
                .containsExactly(new Duplicate(2), new Stored(3));
        reopen();
        assertThat(log.count()).isEqualTo(3);
        assertThat(log.lastOffset()).isEqualTo(3);
        assertThat(log.append(List.of(view("a", "alice"), view("d", "alice"))))
                .containsExactly(new Duplicate(1), new Stored(4));
    }

    @Test void concurrent_callers_are_group_committed_with_unique_increasing_offsets() throws Exception {
        open(50_000);
        int threads = 32, calls = 15, batch = 100;
        // Each thread also resends ids another thread sends, so duplicates race across calls and groups.
        Map<String, Set<Long>> offsetsById = new ConcurrentHashMap<>();
        AtomicInteger storedCount = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int c = 0; c < calls; c++) {
                        List<ShopperEvent> events = new ArrayList<>();
                        for (int i = 0; i < batch; i++) {
                            boolean shared = i % 10 == 0;
                            String id = shared ? "shared-" + c + "-" + i : "t" + thread + "-" + c + "-" + i;
                            events.add(view(id, "shopper-" + thread));
                        }
                        List<AppendOutcome> outcomes = log.append(events);
                        assertThat(outcomes).hasSize(batch);
                        for (int i = 0; i < batch; i++) {
                            AppendOutcome o = outcomes.get(i);
                            offsetsById.computeIfAbsent(events.get(i).id().value(), k -> ConcurrentHashMap.newKeySet())
                                    .add(o.offset());
                            if (o instanceof Stored) storedCount.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get(60, TimeUnit.SECONDS);
        }
        int distinct = offsetsById.size();
        assertThat(distinct).isEqualTo(threads * calls * 90 + calls * 10);
        // Every sender of one id was told the same offset, and exactly one of them stored it.
        assertThat(offsetsById.values().stream().filter(o -> o.size() != 1).count()).isZero();
        assertThat(storedCount.get()).isEqualTo(distinct);
        Set<Long> allOffsets = new HashSet<>();
        offsetsById.values().forEach(allOffsets::addAll);
        assertThat(allOffsets).hasSize(distinct);
        assertThat(allOffsets.stream().mapToLong(Long::longValue).summaryStatistics())
                .satisfies(st -> assertThat(st.getMin()).isEqualTo(1))
                .satisfies(st -> assertThat(st.getMax()).isEqualTo(distinct));
        assertThat(log.count()).isEqualTo(distinct);
        assertThat(log.lastOffset()).isEqualTo(distinct);
        assertThat(log.groupsCommitted()).isLessThan(threads * calls);
        // Replay agrees with what callers were told.
        Map<String, Long> replayed = new HashMap<>();
        long after = 0;
        for (List<LoggedEvent> page; !(page = log.readAfter(after, 5_000)).isEmpty(); after = page.getLast().offset()) {
            for (LoggedEvent e : page) replayed.put(e.event().id().value(), e.offset());
        }
        assertThat(replayed).hasSize(distinct);
        assertThat(replayed.entrySet().stream().filter(e -> !offsetsById.get(e.getKey()).contains(e.getValue())).count())
                .isZero();
    }

    @Test void a_reader_tailing_the_log_during_appends_sees_every_offset_once_in_order() throws Exception {
        open(50_000);
        int writers = 8, calls = 20, batch = 50, total = writers * calls * batch;
        List<Long> seen = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> tail = pool.submit(() -> {
                long after = 0;
                while (after < total) {
                    for (LoggedEvent e : log.readAfter(after, 333)) {
                        seen.add(e.offset());
                        after = e.offset();
                    }
                }
                return null;
            });
            for (int w = 0; w < writers; w++) {
                int writer = w;
                pool.submit(() -> {
                    for (int c = 0; c < calls; c++) log.append(batch("w" + writer + "-" + c, batch));
                    return null;
                });
            }
            tail.get(60, TimeUnit.SECONDS);
        }
        // Groups commit whole and in offset order, so a reader never sees a later offset before an earlier one.
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    }

    @Test void replay_pages_return_every_event_exactly_once_in_order() {
        open(5000);
        for (int c = 0; c < 10; c++) {
            List<ShopperEvent> events = new ArrayList<>();
            for (int i = 0; i < 100; i++) events.add(view("e-" + c + "-" + i, "s" + i));
            log.append(events);
        }
        List<Long> seen = new ArrayList<>();
        long after = 0;
        while (true) {
            List<LoggedEvent> page = log.readAfter(after, 97);
            if (page.isEmpty()) break;
            page.forEach(e -> seen.add(e.offset()));
            after = page.getLast().offset();
        }
        assertThat(seen).hasSize(1000).isSorted().doesNotHaveDuplicates();
        assertThat(seen.getFirst()).isEqualTo(1);
        assertThat(seen.getLast()).isEqualTo(1000);
    }

    @Test void refuses_work_immediately_when_the_pending_queue_is_full() throws Exception {
        open(150);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch release = stallWriter(pool);
            Future<List<AppendOutcome>> accepted = pool.submit(() -> log.append(batch("first", 100)));
            while (log.pendingEvents() < 100) Thread.onSpinWait();
            long start = System.nanoTime();
            assertThatThrownBy(() -> log.append(batch("second", 100)))
                    .isInstanceOfSatisfying(OverloadedException.class,
                            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            assertThat(accepted.isDone()).isFalse();
            release.countDown();
            assertThat(accepted.get(10, TimeUnit.SECONDS)).hasSize(100).allMatch(o -> o instanceof Stored);
        }
        assertThat(log.pendingEvents()).isZero();
        assertThat(log.append(batch("second", 100))).hasSize(100);
        assertThatThrownBy(() -> log.append(batch("huge", 151))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPendingEvents 150");
    }

    @Test void a_failed_group_fails_every_caller_in_it_and_leaves_nothing_visible() throws Exception {
        open(1000);
        log.append(List.of(view("before", "alice")));
        Fixtures.sql(db.file(), "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.event_id = 'poison' "
                + "BEGIN SELECT RAISE(ABORT, 'poisoned event'); END");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch release = stallWriter(pool);
            // The writer takes the plug and stalls on it; both batches queue behind it and so form the next group.
            Future<List<AppendOutcome>> plug = pool.submit(() -> log.append(List.of(view("plug", "carol"))));
            while (!log.writerWaitingForDatabase()) Thread.onSpinWait();
            Future<List<AppendOutcome>> good = pool.submit(() -> log.append(List.of(view("ok-1", "bob"), view("ok-2", "bob"))));
            Future<List<AppendOutcome>> bad = pool.submit(() -> log.append(List.of(view("ok-3", "eve"), view("poison", "eve"))));
            // Pending capacity is taken before a batch is encoded and queued, so wait on the queue itself.
            while (log.queuedTasks() < 2) Thread.onSpinWait();
            release.countDown();
            assertThat(plug.get(10, TimeUnit.SECONDS)).containsExactly(new Stored(2));
            for (Future<List<AppendOutcome>> f : List.of(good, bad)) {
                assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StorageException.class)
                        .rootCause().hasMessageContaining("poisoned event");
            }
        }
        assertThat(log.count()).isEqualTo(2);
        assertThat(log.readAfter(0, 10)).extracting(e -> e.event().id().value()).containsExactly("before", "plug");
        // The rolled-back group used no offsets, and the writer carries on.
        assertThat(log.append(List.of(view("ok-1", "bob")))).containsExactly(new Stored(3));
    }

    @Test void close_writes_out_queued_work_and_later_appends_are_refused() throws Exception {
        open(50_000);
        List<Future<List<AppendOutcome>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 16; t++) {
                int thread = t;
                futures.add(pool.submit(() -> log.append(batch("t" + thread, 100))));
            }
            while (log.count() == 0) Thread.onSpinWait();
            log.close();
        }
        int stored = 0;
        for (Future<List<AppendOutcome>> f : futures) {
            try {
                stored += f.get().size();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
            }
        }
        assertThatThrownBy(() -> log.append(batch("late", 1))).isInstanceOf(IllegalStateException.class);
        open(50_000);
        assertThat(log.count()).isEqualTo(stored).isPositive();
    }

    @Test void erasing_a_shopper_deletes_only_their_events_and_never_reuses_offsets() {
        open(1000);
        log.append(List.of(view("a1", "alice"), view("b1", "bob"), search("x1", "dev-1"), view("a2", "alice")));
        assertThat(log.eraseShopper("alice")).isEqualTo(2);
        assertThat(log.count()).isEqualTo(2);
        assertThat(log.lastOffset()).isEqualTo(3);
        assertThat(log.readAfter(0, 10)).extracting(LoggedEvent::offset).containsExactly(2L, 3L);
        assertThat(log.eraseShopper("nobody")).isZero();
        reopen();
        // Offset 4 belonged to an erased event: a consumer may already have committed it, so it is never given again.
        assertThat(log.append(List.of(view("c1", "carol")))).containsExactly(new Stored(5));
    }

    @Test void duplicates_are_exact_even_when_every_id_hash_collides() {
        // A hash that collides for every id of the same length: each lookup must fall back to the stored id.
        ToLongFunction<String> weak = String::length;
        open(1000, weak);
        List<ShopperEvent> first = batch("id", 50);             // id-0 .. id-49: lengths 4 and 5
        assertThat(log.append(first)).extracting(AppendOutcome::offset)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList())
                .allMatch(o -> o > 0);
        assertThat(log.append(first)).allMatch(o -> o instanceof Duplicate);
        List<AppendOutcome> mixed = log.append(List.of(view("id-7", "s"), view("new-1", "s"), view("id-7", "s")));
        assertThat(mixed).containsExactly(new Duplicate(8), new Stored(51), new Duplicate(8));
        log.close();
        open(1000, weak);
        assertThat(log.append(List.of(view("id-3", "s"), view("new-1", "s"), view("new-2", "s"))))
                .containsExactly(new Duplicate(4), new Duplicate(51), new Stored(52));
        // The erased event's slot is reused by whichever id comes next with that hash.
        log.append(List.of(view("zz-1", "erase-me")));
        assertThat(log.eraseShopper("erase-me")).isEqualTo(1);
        assertThat(log.append(List.of(view("zz-2", "s"), view("zz-1", "s"), view("new-2", "s"))))
                .containsExactly(new Stored(54), new Stored(55), new Duplicate(52));
        assertThat(log.count()).isEqualTo(54);
    }

    @Test void an_erased_event_sent_again_is_stored_again() {
        open(1000);
        log.append(List.of(view("a1", "alice"), view("b1", "bob")));
        log.eraseShopper("alice");
        assertThat(log.append(List.of(view("a1", "alice"), view("b1", "bob"))))
                .containsExactly(new Stored(3), new Duplicate(2));
    }

    @Test void erasing_a_person_removes_their_events_and_their_devices_anonymous_events_only() {
        open(1000);
        log.append(List.of(
                view("a1", "alice"),                       // 1 alice
                search("d1-before-login", "dev-a"),        // 2 alice's device, before sign-in
                view("a2", "alice", "dev-a"),              // 3 alice on her device
                view("b1", "bob", "dev-a"),                // 4 bob on alice's (shared) device: bob's event
                search("x1", "dev-x"),                     // 5 an unlinked device
                view("b2", "bob"),                         // 6 bob
                search("d2-after-logout", "dev-a2")));     // 7 alice's second device
        assertThat(log.erase(ShopperId.of("alice"), Set.of(AnonymousId.of("dev-a"), AnonymousId.of("dev-a2")))).isEqualTo(4);
        assertThat(log.readAfter(0, 100)).extracting(LoggedEvent::offset).containsExactly(4L, 5L, 6L);
        assertThat(log.readAfter(0, 100)).extracting(e -> e.event().actor().key())
                .containsExactly("s:bob", "a:dev-x", "s:bob");
        assertThat(log.count()).isEqualTo(3);
        assertThat(log.lastOffset()).isEqualTo(6);
        // Idempotent: nothing left to delete.
        assertThat(log.erase(ShopperId.of("alice"), Set.of(AnonymousId.of("dev-a")))).isZero();
        reopen();
        assertThat(log.readAfter(0, 100)).extracting(LoggedEvent::offset).containsExactly(4L, 5L, 6L);
        // Offset 7 was given to an erased event: never again, even after a restart.
        assertThat(log.append(List.of(view("c1", "carol")))).containsExactly(new Stored(8));
    }

    @Test void a_long_log_is_scanned_for_devices_by_the_caller_and_many_devices_take_several_queries() {
        open(50_000);
        // More events than the writer scans itself, so the caller's reader-side scan finds the devices' events.
        List<ShopperEvent> filler = new ArrayList<>();
        for (int i = 0; i < SqliteEventLog.WRITER_TAIL + 2_000; i++) filler.add(view("filler-" + i, "bob", "dev-" + (i % 300)));
        log.append(filler);
        List<ShopperEvent> events = new ArrayList<>();
        Set<AnonymousId> devices = new HashSet<>();
        for (int i = 0; i < 150; i++) {
            events.add(search("dev-event-" + i, "dev-" + i));
            devices.add(AnonymousId.of("dev-" + i));
        }
        events.add(search("keep-1", "dev-other"));
        log.append(events);
        assertThat(log.erase(ShopperId.of("zoe"), devices)).isEqualTo(150);
        assertThat(log.count()).isEqualTo(filler.size() + 1);
        assertThat(log.latest(1)).extracting(e -> e.event().id().value()).containsExactly("keep-1");
        // Bob's events on those devices carry his shopper id: they are his, and stay.
        assertThat(log.readAfter(0, 5)).extracting(e -> e.event().id().value()).startsWith("filler-0");
    }

    @Test void erased_ids_leave_the_duplicate_index_and_their_bytes_leave_the_files() throws Exception {
        open(1000);
        log.append(List.of(view("erase-marker-7f3a", "alice", "dev-marker-9c1d"), search("erase-marker-2b8e", "dev-marker-9c1d"),
                view("keep-b1", "bob")));
        int before = log.idIndexSize();
        assertThat(log.erase(ShopperId.of("alice"), Set.of(AnonymousId.of("dev-marker-9c1d")))).isEqualTo(2);
        assertThat(log.idIndexSize()).isEqualTo(before - 2);
        // secure_delete zeroed the rows and index entries, and the WAL was truncated: no copy of them on disk.
        for (String file : List.of("events.db", "events.db-wal")) {
            Path f = dir.resolve(file);
            String bytes = java.nio.file.Files.exists(f)
                    ? new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1) : "";
            assertThat(bytes).as(file).doesNotContain("erase-marker").doesNotContain("dev-marker").doesNotContain("alice");
        }
        // Sent again, an erased event is a new event: the log kept nothing that would call it a duplicate.
        assertThat(log.append(List.of(search("erase-marker-2b8e", "dev-marker-9c1d")))).containsExactly(new Stored(4));
    }

    /** Holds the database's write lock, so the writer stalls (and appends stay pending) until the latch opens. */
    private CountDownLatch stallWriter(ExecutorService pool) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        pool.submit(() -> db.write(h -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holding.await();
        return release;
    }

    private static List<ShopperEvent> batch(String prefix, int n) {
        List<ShopperEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) events.add(view(prefix + "-" + i, "shopper"));
        return events;
    }
}
