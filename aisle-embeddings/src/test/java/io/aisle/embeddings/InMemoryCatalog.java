package io.aisle.embeddings;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.CatalogStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A CatalogStore test double with a real change log, enough for following changes by offset. */
public final class InMemoryCatalog implements CatalogStore {
    private final TreeMap<ProductId, Product> products = new TreeMap<>();
    private final List<LoggedChange> log = new ArrayList<>();

    @Override public Optional<Product> get(ProductId id) { return Optional.ofNullable(products.get(id)); }

    @Override public Map<ProductId, Product> getAll(Collection<ProductId> ids) {
        Map<ProductId, Product> out = new LinkedHashMap<>();
        for (ProductId id : ids) if (products.containsKey(id)) out.put(id, products.get(id));
        return out;
    }

    @Override public List<LoggedChange> apply(List<CatalogChange> changes) {
        List<LoggedChange> out = new ArrayList<>();
        for (CatalogChange c : changes) {
            switch (c) {
                case CatalogChange.Upsert u -> products.put(u.id(), u.product());
                case CatalogChange.Delete d -> { if (products.remove(d.id()) == null) continue; }
            }
            LoggedChange logged = new LoggedChange(log.size() + 1, Instant.EPOCH, c);
            log.add(logged);
            out.add(logged);
        }
        return out;
    }

    public void upsert(Product p) { apply(List.of(new CatalogChange.Upsert(p))); }

    public void delete(ProductId id) { apply(List.of(new CatalogChange.Delete(id))); }

    @Override public List<Product> page(String afterId, int limit) {
        var tail = afterId == null ? products : products.tailMap(ProductId.of(afterId), false);
        return tail.values().stream().limit(limit).toList();
    }

    @Override public long count() { return products.size(); }

    @Override public List<LoggedChange> changesAfter(long afterOffset, int max) {
        int from = (int) Math.min(afterOffset, log.size());
        return List.copyOf(log.subList(from, Math.min(log.size(), from + max)));
    }

    @Override public void close() {}
}
