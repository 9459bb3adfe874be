package io.aisle.server.recommend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.recommend.Recommendation;
import io.aisle.core.recommend.ServedFrom;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The first tier: final lists in a bounded Caffeine cache (size-bounded, expire after write). An entry is used only
 * while it is still true: the shopper has no event newer than the list (fold-in: their next request recomputes from
 * the live graph), the models and merchant rules are those it was made with, and every product on it can still be
 * sold (and, for a list shorter than asked, no product has become available since). Otherwise it counts as stale, is dropped and the list is recomputed. Lists showing a product that stops
 * being available are also evicted when the catalogue says so.
 */
final class ListCache {
    /** What a list is for; {@code subject} is the canonical actor key (with the session), the product or the cart. */
    record Key(String surface, String subject, int limit, String variant) {}

    /**
     * A cached list and what it was made from.
     *
     * @param actor        the canonical actor key, or null for lists about products only
     * @param actorVersion the actor's version ({@link ItemPulse#version}) read before the list was computed
     * @param arrivals     {@link LiveCatalogue#arrivals()} read before the list was computed
     */
    record Entry(List<Recommendation> items, String actor, long actorVersion, String modelVersion, long rulesVersion,
                 long arrivals, ServedFrom computedAs) {}

    private final Cache<Key, Entry> cache;
    private final Counter hits;
    private final Counter misses;
    private final Counter stale;
    private final Counter evictedForProducts;

    ListCache(long maxLists, Duration ttl, MeterRegistry metrics) {
        this.cache = Caffeine.newBuilder().maximumSize(maxLists).expireAfterWrite(ttl).build();
        this.hits = metrics.counter("aisle.recommendations.cache", "tier", "final", "result", "hit");
        this.misses = metrics.counter("aisle.recommendations.cache", "tier", "final", "result", "miss");
        this.stale = metrics.counter("aisle.recommendations.cache", "tier", "final", "result", "stale");
        this.evictedForProducts = metrics.counter("aisle.recommendations.evicted", "cause", "product");
        Gauge.builder("aisle.recommendations.cached.lists", cache, Cache::estimatedSize).register(metrics);
    }

    /** The entry when it is still true (see the class comment), else null. */
    Entry get(Key key, long actorVersion, String modelVersion, long rulesVersion, long arrivals, Predicate<ProductId> available) {
        Entry e = cache.getIfPresent(key);
        if (e == null) {
            misses.increment();
            return null;
        }
        boolean fresh = e.actorVersion() == actorVersion && e.modelVersion().equals(modelVersion) && e.rulesVersion() == rulesVersion
                && (e.items().size() >= key.limit() || e.arrivals() == arrivals); // a short list may fill up now
        if (fresh) for (Recommendation r : e.items()) if (!available.test(r.product())) fresh = false;
        if (!fresh) {
            stale.increment();
            cache.asMap().remove(key, e);
            return null;
        }
        hits.increment();
        return e;
    }

    void put(Key key, Entry entry) { cache.put(key, entry); }

    /** Drops every list that shows the product. */
    void evictShowing(ProductId id) {
        long[] dropped = {0};
        cache.asMap().values().removeIf(e -> {
            for (Recommendation r : e.items()) {
                if (r.product().equals(id)) {
                    dropped[0]++;
                    return true;
                }
            }
            return false;
        });
        if (dropped[0] > 0) evictedForProducts.increment(dropped[0]);
    }

    /** Drops every list made for these actors (erasure). */
    void evictActors(Set<String> actorKeys) { cache.asMap().values().removeIf(e -> e.actor() != null && actorKeys.contains(e.actor())); }

    void clear() { cache.invalidateAll(); }

    long size() { return cache.estimatedSize(); }
}
