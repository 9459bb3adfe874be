package io.aisle.store.embedded;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventContext;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Sustained in-process append throughput of {@link SqliteEventLog}: N virtual-thread callers each append batches of
 * realistic view_item events (random UUID ids) as fast as acks come back; prints events/s and ack latency.
 *
 * <p>Usage: {@code EventLogThroughput [callers=16] [batch=100] [seconds=15] [dataDir=<temp>|-] [warmupSeconds=5]
 * [eventsPerSecond=0] [anonymousShare=0]}; see the README for the command line. A rate of 0 runs closed-loop (peak
 * throughput); an anonymous share of 0.5 sends half the events with a device id (UUID) and no shopper id.
 */
public final class EventLogThroughput {
    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        boolean tempDir = args.length <= 3 || args[3].equals("-");
        Path dir = tempDir ? Files.createTempDirectory("aisle-throughput") : Path.of(args[3]);
        int warmupSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        // 0: every caller appends again as soon as it is acknowledged (peak throughput). Otherwise the callers
        // together offer this many events/s on a fixed schedule, and latency counts from the scheduled send time,
        // so a stall is charged to every batch it delays (no coordinated omission).
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        // Share of events sent by anonymous visitors (a device id, no shopper id): storefront traffic is mostly that.
        double anonymousShare = args.length > 6 ? Double.parseDouble(args[6]) : 0;

        try (EmbeddedStorage storage = EmbeddedStorage.open(dir)) {
            SqliteEventLog log = storage.events();
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong events = new AtomicLong();
            List<long[]> latencies = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < callers; c++) {
                    long[] mine = new long[1_000_000];
                    synchronized (latencies) { latencies.add(mine); }
                    int caller = c;
                    long intervalNanos = rate > 0 ? (long) (1e9 * callers * batch / rate) : 0;
                    pool.submit(() -> {
                        int n = 0;
                        long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(Math.max(1, intervalNanos));
                        while (!stop.get()) {
                            List<ShopperEvent> b = batch(caller, batch, anonymousShare);
                            long t0 = System.nanoTime();
                            if (intervalNanos > 0) {
                                long wait = next - t0;
                                if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
                                t0 = next;
                                next += intervalNanos;
                            }
                            log.append(b);
                            long took = System.nanoTime() - t0;
                            if (measuring.get()) {
                                events.addAndGet(batch);
                                if (n < mine.length - 1) mine[++n] = took;
                                mine[0] = n;
                            }
                        }
                        return null;
                    });
                }
                Thread.sleep(warmupSeconds * 1000L);
                long groupsBefore = log.groupsCommitted();
                measuring.set(true);
                long start = System.nanoTime();
                Thread.sleep(seconds * 1000L);
                measuring.set(false);
                double elapsed = (System.nanoTime() - start) / 1e9;
                long groups = log.groupsCommitted() - groupsBefore;
                stop.set(true);
                pool.shutdown();
                pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
                long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 1, (int) l[0] + 1)).sorted().toArray();
                System.out.printf("event log: %d callers x %d-event batches, %s, %d s, %d cores, java %s%n", callers,
                        batch, rate > 0 ? String.format("offered %.0f events/s", rate) : "closed loop", seconds,
                        Runtime.getRuntime().availableProcessors(), Runtime.version().feature());
                System.out.printf("events_per_s=%.0f  groups_per_s=%.0f  events_per_group=%.0f  ack_p50_ms=%.2f  "
                                + "ack_p99_ms=%.2f  ack_max_ms=%.2f  total_events=%d%n",
                        events.get() / elapsed, groups / elapsed, events.get() / (double) Math.max(1, groups),
                        pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6, log.count());
            }
        } finally {
            if (tempDir) deleteRecursively(dir);
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static List<ShopperEvent> batch(int caller, int size, double anonymousShare) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        List<ShopperEvent> out = new ArrayList<>(size);
        Instant now = Instant.now();
        for (int i = 0; i < size; i++) {
            int shopper = r.nextInt(100_000);
            out.add(new ShopperEvent(EventId.of(UUID.randomUUID().toString()), EventName.VIEW_ITEM,
                    r.nextDouble() < anonymousShare ? Actor.anonymous(UUID.nameUUIDFromBytes(new byte[] {(byte) shopper,
                            (byte) (shopper >> 8), (byte) (shopper >> 16)}).toString()) : Actor.shopper("shopper-" + shopper),
                    "sess-" + caller + "-" + shopper, now,
                    List.of(new EventItem(ProductId.of("sku-" + r.nextInt(50_000)), new BigDecimal("49.90"), 1, i % 24)),
                    null, null, null, "EUR",
                    new EventContext("mobile", null, "en-GB", "/p/sku", null), (long) r.nextInt(60_000), 40, null));
        }
        return out;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
