package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.embeddings.behaviour.BehaviourModel;
import io.aisle.server.derived.Personalization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The background half of serving, on one thread: rebuilds the {@link Snapshot} (popular, trending, per category, per
 * segment, exploration pool) as often as costs about 2% of a core, then fills the per-item tier: complete related
 * lists for the most popular listings (again whenever the behaviour vectors change), and for items requests found
 * without one. Item work is paced to a share of one core, so serving keeps the CPU.
 */
final class Precomputer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Precomputer.class);
    private static final Duration MIN_SNAPSHOT_GAP = Duration.ofSeconds(1);
    private static final Duration MAX_SNAPSHOT_GAP = Duration.ofSeconds(30);
    private static final Duration INDEX_EVERY = Duration.ofMinutes(1);

    private final Personalization personalization;
    private final ItemPulse pulse;
    private final LiveCatalogue catalogue;
    private final RelatedItems related;
    private final SnapshotBuilder builder;
    private final AtomicReference<Snapshot> snapshot;
    private final AtomicReference<BehaviourIndex> index;
    private final int warmItems;
    private final int indexItems;
    private final double share;
    private final Clock clock;
    private volatile boolean closed;
    private volatile boolean warmed;
    private volatile List<ProductId> warmList = List.of();
    private volatile List<ProductId> head = List.of();
    private long indexedAt;
    private volatile BehaviourModel warmedWith;
    private Thread thread;

    Precomputer(Personalization personalization, ItemPulse pulse, LiveCatalogue catalogue, RelatedItems related,
                SnapshotBuilder builder, AtomicReference<Snapshot> snapshot, AtomicReference<BehaviourIndex> index,
                int warmItems, int indexItems, double share, Clock clock) {
        this.personalization = personalization;
        this.pulse = pulse;
        this.catalogue = catalogue;
        this.related = related;
        this.builder = builder;
        this.snapshot = snapshot;
        this.index = index;
        this.warmItems = warmItems;
        this.indexItems = indexItems;
        this.share = share;
        this.clock = clock;
    }

    synchronized void start() { thread = Thread.ofVirtual().name("aisle-recs-precompute").start(this::run); }

    /** Whether a full pass over the most popular listings has finished, with the behaviour vectors now served. */
    boolean warmed() { return warmed && warmedWith == personalization.behaviourModel().orElse(null); }

    /** The listings the last pass precomputed, most popular first. */
    List<ProductId> warmList() { return warmList; }

    private void run() {
        long nextSnapshot = 0;
        long lastSnapshot = 0;
        long readySince = -1;
        BehaviourModel warmingWith = null;
        boolean started = false;
        int cursor = 0;
        boolean passDone = true;
        try {
            while (!closed) {
                if (System.nanoTime() >= nextSnapshot) {
                    long took = refreshSnapshot();
                    lastSnapshot = System.nanoTime();
                    nextSnapshot = lastSnapshot + Math.clamp(took * 50, MIN_SNAPSHOT_GAP.toNanos(), MAX_SNAPSHOT_GAP.toNanos());
                }
                boolean ready = personalization.host().caughtUp() && catalogue.caughtUp();
                if (ready && readySince < 0) readySince = System.nanoTime();
                BehaviourModel model = personalization.behaviourModel().orElse(null);
                if (model != null) refreshIndex(model);
                // A pass starts once a snapshot made after the replay exists, and again when the vectors change.
                if (ready && lastSnapshot > readySince && (!started || model != warmingWith)) {
                    warmingWith = model;
                    started = true;
                    cursor = 0;
                    passDone = false;
                }
                boolean worked = false;
                List<ProductId> list = warmList;
                if (!passDone) {
                    if (cursor < list.size()) {
                        ProductId id = list.get(cursor++);
                        pace(() -> related.refresh(id), share);
                        worked = true;
                    } else {
                        passDone = true;
                        warmedWith = warmingWith;
                        warmed = true;
                    }
                }
                ProductId pending = related.nextPending();
                if (pending != null) {
                    // Items requests asked about get half the share: under load they would take the CPU serving needs.
                    pace(() -> related.refresh(pending), share / 2);
                    worked = true;
                }
                if (!worked) Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("recommendation precompute stopped; lists are computed on request");
        }
    }

    /** Builds and publishes a snapshot; returns the nanoseconds it took. */
    private long refreshSnapshot() {
        long started = System.nanoTime();
        try {
            List<ItemPulse.ItemHeat> heat = personalization.host().read(pulse::heat);
            snapshot.set(builder.build(heat, catalogue, clock.instant()));
            head = popular(heat, Math.max(warmItems, indexItems));
            warmList = head.subList(0, Math.min(warmItems, head.size()));
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("recommendation snapshot not rebuilt");
        }
        return System.nanoTime() - started;
    }

    /** Rebuilds the head's vector matrix for new vectors, and once a minute as popularity moves. */
    private void refreshIndex(BehaviourModel model) {
        BehaviourIndex current = index.get();
        long now = System.nanoTime();
        if (current != null && current.model() == model && now - indexedAt < INDEX_EVERY.toNanos()) return;
        List<ProductId> listings = head;
        if (listings.isEmpty()) return;
        index.set(BehaviourIndex.build(model, listings.subList(0, Math.min(indexItems, listings.size()))));
        indexedAt = now;
    }

    /** The {@code n} most popular available listings. */
    private List<ProductId> popular(List<ItemPulse.ItemHeat> heat, int n) {
        Map<ProductId, Double> sums = new HashMap<>();
        for (ItemPulse.ItemHeat h : heat) if (h.popularity() > 0) sums.merge(catalogue.listing(h.id()), h.popularity(), Double::sum);
        List<Map.Entry<ProductId, Double>> sorted = new ArrayList<>(sums.entrySet());
        sorted.removeIf(e -> !catalogue.available(e.getKey()));
        sorted.sort(Map.Entry.<ProductId, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return sorted.stream().limit(n).map(Map.Entry::getKey).toList();
    }

    /** Runs one unit of work, then rests so background work stays within its share of a core. */
    private void pace(Runnable work, double share) throws InterruptedException {
        long started = System.nanoTime();
        work.run();
        long pause = (long) ((System.nanoTime() - started) * (1 - share) / share);
        if (pause > 0) Thread.sleep(Duration.ofNanos(pause));
    }

    @Override public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        Threads.stop(t);
    }
}
