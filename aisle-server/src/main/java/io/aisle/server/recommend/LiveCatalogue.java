package io.aisle.server.recommend;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.CatalogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What serving needs to know about every product, in memory and current: title, category, brand, whether it can be
 * sold, and when it was added. It follows the catalogue's change log (every {@value #POLL_MS} ms), so a product set
 * out of stock or deleted is known here well within a second, and listeners hear of it to evict what showed it.
 *
 * <p>Availability: a product with stock figures is available when any location has units; one without (the
 * merchant does not track stock) is available; a parent without its own figures is available when any of its
 * variants is. Recommendations show listings: a variant stands for its parent when the parent exists.
 */
final class LiveCatalogue implements AutoCloseable {
    static final long POLL_MS = 50;
    private static final Logger log = LoggerFactory.getLogger(LiveCatalogue.class);
    private static final int PAGE = 1_000;

    private final CatalogStore store;
    private final Map<ProductId, Entry> entries = new ConcurrentHashMap<>();
    private final Map<ProductId, Set<ProductId>> variants = new ConcurrentHashMap<>();
    private final Map<List<String>, Integer> categoryIds = new ConcurrentHashMap<>();
    private final List<Consumer<ProductId>> goneListeners = new CopyOnWriteArrayList<>();
    private volatile long offset;
    private volatile long arrivals;
    private volatile boolean caughtUp;
    private volatile boolean closed;
    private Thread follower;

    /**
     * A product as serving sees it.
     *
     * @param leaf       an id of the full category path (equal paths, equal ids); -1 when uncategorised
     * @param department an id of the first level of the path; -1 when uncategorised
     * @param tracked    the product carries stock figures
     * @param available  it may be recommended now (see the class comment)
     */
    record Entry(ProductId id, ProductId parent, String title, List<String> categoryPath, String brand, int leaf,
                 int department, boolean tracked, boolean inStock, boolean available, Instant addedAt) {
        Entry withAvailable(boolean on) {
            return on == available ? this
                    : new Entry(id, parent, title, categoryPath, brand, leaf, department, tracked, inStock, on, addedAt);
        }

        String category() { return categoryPath.isEmpty() ? "" : categoryPath.getLast(); }
    }

    LiveCatalogue(CatalogStore store) { this.store = store; }

    /** Called with each product that stops being available or is deleted, on the follower's thread. */
    void onGone(Consumer<ProductId> listener) { goneListeners.add(listener); }

    synchronized void start() {
        follower = Thread.ofPlatform().daemon().name("aisle-recs-catalogue").start(this::follow);
    }

    Entry get(ProductId id) { return entries.get(id); }

    boolean available(ProductId id) {
        Entry e = entries.get(id);
        return e != null && e.available();
    }

    /** The listing a product is shown as: its parent when it is a variant of a known parent, else itself. */
    ProductId listing(ProductId id) {
        Entry e = entries.get(id);
        return e != null && e.parent() != null && entries.containsKey(e.parent()) ? e.parent() : id;
    }

    String title(ProductId id) {
        Entry e = entries.get(id);
        return e == null ? id.value() : e.title();
    }

    /** Every product, variants included. */
    Iterable<Entry> all() { return entries.values(); }

    int size() { return entries.size(); }

    /** How many times a product became available (new, or back in stock): lists that ran short may now fill up. */
    long arrivals() { return arrivals; }

    /** The change-log offset applied. */
    long offset() { return offset; }

    /** Whether the first pass over the change log has finished. */
    boolean caughtUp() { return caughtUp; }

    private void follow() {
        while (!closed) {
            try {
                boolean busy = step();
                if (!busy) {
                    caughtUp = true;
                    Thread.sleep(POLL_MS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A failing page is retried after a pause; serving keeps the state it has.
                log.atWarn().setCause(e).addKeyValue("offset", offset).log("recommendation catalogue not updated");
                try {
                    Thread.sleep(Duration.ofSeconds(1));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Applies one page of changes; true when there was one. Package-private so tests can step it. */
    boolean step() {
        List<LoggedChange> page = store.changesAfter(offset, PAGE);
        if (page.isEmpty()) return false;
        List<ProductId> gone = new ArrayList<>();
        for (LoggedChange c : page) {
            switch (c.change()) {
                case CatalogChange.Upsert u -> upsert(u.product(), c.at(), gone);
                case CatalogChange.Delete d -> delete(d.id(), gone);
            }
        }
        offset = page.getLast().offset();
        for (ProductId id : gone) for (Consumer<ProductId> l : goneListeners) l.accept(id);
        return true;
    }

    private void upsert(Product p, Instant at, List<ProductId> gone) {
        Entry before = entries.get(p.id());
        if (before != null && before.parent() != null && !before.parent().equals(p.parentId())) unlink(before.parent(), p.id(), gone);
        boolean tracked = !p.stock().isEmpty();
        List<String> path = p.categoryPath();
        Entry e = new Entry(p.id(), p.parentId(), p.title(), path, p.brand(), categoryId(path),
                path.isEmpty() ? -1 : categoryId(path.subList(0, 1)), tracked, p.inStock(), false,
                before == null ? at : before.addedAt());
        entries.put(p.id(), e.withAvailable(availability(e)));
        note(before, p.id(), gone);
        if (p.parentId() != null) {
            variants.computeIfAbsent(p.parentId(), k -> ConcurrentHashMap.newKeySet()).add(p.id());
            refresh(p.parentId(), gone);
        }
    }

    private void delete(ProductId id, List<ProductId> gone) {
        Entry before = entries.remove(id);
        if (before == null) return;
        gone.add(id);
        if (before.parent() != null) unlink(before.parent(), id, gone);
    }

    private void unlink(ProductId parent, ProductId variant, List<ProductId> gone) {
        Set<ProductId> set = variants.get(parent);
        if (set != null) {
            set.remove(variant);
            if (set.isEmpty()) variants.remove(parent);
        }
        refresh(parent, gone);
    }

    private void refresh(ProductId id, List<ProductId> gone) {
        Entry before = entries.get(id);
        if (before == null) return;
        entries.put(id, before.withAvailable(availability(before)));
        note(before, id, gone);
    }

    private void note(Entry before, ProductId id, List<ProductId> gone) {
        Entry now = entries.get(id);
        boolean was = before != null && before.available();
        boolean is = now != null && now.available();
        if (was && !is) gone.add(id);
        if (is && !was) arrivals++; // only the follower thread writes
    }

    private boolean availability(Entry e) {
        if (e.tracked()) return e.inStock();
        Set<ProductId> children = variants.get(e.id());
        if (children == null || children.isEmpty()) return true;
        for (ProductId c : children) {
            Entry v = entries.get(c);
            if (v != null && v.available()) return true;
        }
        return false;
    }

    private int categoryId(List<String> path) {
        if (path.isEmpty()) return -1;
        return categoryIds.computeIfAbsent(List.copyOf(path), k -> categoryIds.size());
    }

    @Override public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = follower;
        }
        Threads.stop(t);
    }
}
