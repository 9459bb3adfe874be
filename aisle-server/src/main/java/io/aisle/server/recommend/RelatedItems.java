package io.aisle.server.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aisle.core.catalog.ProductId;
import io.aisle.embeddings.Neighbour;
import io.aisle.features.graph.ItemLink;
import io.aisle.features.graph.ItemScore;
import io.aisle.server.derived.Personalization;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * The per-item tier: {@link Related} lists kept in a bounded Caffeine cache, precomputed in the background for the
 * most popular listings and for items requests asked about. A request that finds no list gets the graph's part,
 * computed live (microseconds), and the item is queued for its vector neighbours (milliseconds: a scan of every
 * vector), so no request waits on a scan it did not ask for.
 */
final class RelatedItems {
    private final Personalization personalization;
    private final LiveCatalogue catalogue;
    private final int neighbours;
    private final Supplier<BehaviourIndex> index;
    private final Cache<ProductId, Related> cache;
    private final BlockingQueue<ProductId> pending = new ArrayBlockingQueue<>(10_000);
    private final java.util.Set<ProductId> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Counter hits;
    private final Counter misses;

    RelatedItems(Personalization personalization, LiveCatalogue catalogue, Supplier<BehaviourIndex> index, int neighbours,
                 long maxItems, Duration ttl, MeterRegistry metrics) {
        this.personalization = personalization;
        this.index = index;
        this.catalogue = catalogue;
        this.neighbours = neighbours;
        this.cache = Caffeine.newBuilder().maximumSize(maxItems).expireAfterWrite(ttl).build();
        this.hits = metrics.counter("aisle.recommendations.cache", "tier", "related", "result", "hit");
        this.misses = metrics.counter("aisle.recommendations.cache", "tier", "related", "result", "miss");
    }

    /** The stored list, or the graph's part now with the rest queued for the background. */
    Related precomputed(ProductId id) {
        Related r = cache.getIfPresent(id);
        if (r != null) {
            hits.increment();
            return r;
        }
        misses.increment();
        r = compute(id, false);
        cache.put(id, r);
        // Once per item; dropped when the queue is full (the partial list is kept until it expires, then asked again).
        if (queued.add(id) && !pending.offer(id)) queued.remove(id);
        return r;
    }

    /** The complete list, computed now when none is stored, and stored. */
    Related complete(ProductId id) {
        Related r = cache.getIfPresent(id);
        if (r != null && r.complete()) {
            hits.increment();
            return r;
        }
        misses.increment();
        r = compute(id, true);
        cache.put(id, r);
        return r;
    }

    /** Computed from live state, nothing read from or written to the cache. */
    Related live(ProductId id, boolean vectors) { return compute(id, vectors); }

    /** Computes and stores the complete list (background work). */
    void refresh(ProductId id) { cache.put(id, compute(id, true)); }

    boolean has(ProductId id) {
        Related r = cache.getIfPresent(id);
        return r != null && r.complete();
    }

    /** The next item a request found without a complete list, or null. */
    ProductId nextPending() {
        ProductId id = pending.poll();
        if (id != null) queued.remove(id);
        return id;
    }

    void clear() { cache.invalidateAll(); }

    long size() { return cache.estimatedSize(); }

    private Related compute(ProductId id, boolean vectors) {
        ProductId self = catalogue.listing(id);
        List<ItemScore> coView = fold(self, personalization.coNeighbours(id, ItemLink.CO_VIEW, neighbours));
        List<ItemScore> coCart = fold(self, personalization.coNeighbours(id, ItemLink.CO_CART, neighbours));
        List<ItemScore> coPurchase = fold(self, personalization.coNeighbours(id, ItemLink.CO_PURCHASE, neighbours));
        if (!vectors) return new Related(self, coView, coCart, coPurchase, List.of(), List.of(), false);
        List<ItemScore> behaviour = foldNeighbours(self, behaviourNeighbours(id));
        List<ItemScore> content = foldNeighbours(self, personalization.contentNeighbours(id, neighbours));
        return new Related(self, coView, coCart, coPurchase, behaviour, content, true);
    }

    /** Among the popular head when its index matches the vectors served, else by a scan of every item. */
    private List<Neighbour> behaviourNeighbours(ProductId id) {
        BehaviourIndex head = index.get();
        if (head != null && personalization.behaviourModel().orElse(null) == head.model()) return head.similar(id, neighbours);
        return personalization.behaviourNeighbours(id, neighbours);
    }

    /** As listings, the item's own family left out, a listing's variants summed, strongest first. */
    private List<ItemScore> fold(ProductId self, List<ItemScore> raw) {
        if (raw.isEmpty()) return List.of();
        Map<ProductId, Double> sums = new LinkedHashMap<>();
        for (ItemScore s : raw) {
            ProductId l = catalogue.listing(s.item());
            if (!l.equals(self)) sums.merge(l, s.weight(), Double::sum);
        }
        List<ItemScore> out = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> out.add(new ItemScore(k, v)));
        return SnapshotBuilder.top(out, neighbours);
    }

    /** Vector neighbours as listings: a listing takes its closest variant's similarity. */
    private List<ItemScore> foldNeighbours(ProductId self, List<Neighbour> raw) {
        if (raw.isEmpty()) return List.of();
        Map<ProductId, Double> best = new LinkedHashMap<>();
        for (Neighbour n : raw) {
            ProductId l = catalogue.listing(n.id());
            if (!l.equals(self)) best.merge(l, n.similarity(), Math::max);
        }
        List<ItemScore> out = new ArrayList<>(best.size());
        best.forEach((k, v) -> out.add(new ItemScore(k, v)));
        return SnapshotBuilder.top(out, neighbours);
    }
}
