package io.aisle.server.derived;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.port.CatalogStore;
import io.aisle.features.feature.ItemCatalog;
import io.aisle.features.feature.ItemFacts;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Item facts for the server's live feature pipeline: the snapshot taken at start (with category medians), then
 * products added since, looked up when first seen. A miss is retried after a while, so events that arrive before
 * their product is imported do not leave it uncategorised until the next start.
 */
final class LiveItemCatalog implements ItemCatalog {
    private final ItemCatalog snapshot;
    private final CatalogStore store;
    private final long retryNanos;
    private final LongSupplier nanoTime;
    private final Map<ProductId, ItemFacts> added = new ConcurrentHashMap<>();
    private final Map<ProductId, Long> missedAt = new ConcurrentHashMap<>();

    LiveItemCatalog(CatalogStore store, Duration retry, LongSupplier nanoTime) {
        this.snapshot = ItemCatalog.load(store);
        this.store = store;
        this.retryNanos = retry.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override public Optional<ItemFacts> facts(ProductId id) {
        Optional<ItemFacts> known = snapshot.facts(id);
        if (known.isPresent()) return known;
        ItemFacts cached = added.get(id);
        if (cached != null) return Optional.of(cached);
        Long missed = missedAt.get(id);
        long now = nanoTime.getAsLong();
        if (missed != null && now - missed < retryNanos) return Optional.empty();
        Optional<Product> product = store.get(id);
        if (product.isEmpty()) {
            missedAt.put(id, now);
            return Optional.empty();
        }
        missedAt.remove(id);
        Product p = product.get();
        // No category median for products added after start: their price index stays unknown until a restart.
        ItemFacts facts = new ItemFacts(p.parentId() == null ? p.id() : p.parentId(), EntityRef.categoryKey(p.categoryPath()),
                p.brand(), p.price().amount().doubleValue(), Double.NaN);
        added.put(id, facts);
        return Optional.of(facts);
    }
}
