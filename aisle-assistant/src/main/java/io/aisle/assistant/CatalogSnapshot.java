package io.aisle.assistant;

import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.CatalogStore;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fixed list of products behind the {@link CatalogStore} port, read-only: for benchmarks and tests. */
public final class CatalogSnapshot implements CatalogStore {
    private final Map<ProductId, Product> byId = new LinkedHashMap<>();

    public CatalogSnapshot(List<Product> products) { products.forEach(p -> byId.put(p.id(), p)); }

    @Override public Optional<Product> get(ProductId id) { return Optional.ofNullable(byId.get(id)); }

    @Override public Map<ProductId, Product> getAll(Collection<ProductId> ids) {
        Map<ProductId, Product> out = new HashMap<>();
        for (ProductId id : ids) {
            Product p = byId.get(id);
            if (p != null) out.put(id, p);
        }
        return out;
    }

    @Override public List<LoggedChange> apply(List<CatalogChange> changes) {
        throw new UnsupportedOperationException("a catalogue snapshot is read-only");
    }

    @Override public List<Product> page(String afterId, int limit) {
        return byId.values().stream().filter(p -> afterId == null || p.id().value().compareTo(afterId) > 0)
                .sorted(java.util.Comparator.comparing(p -> p.id().value())).limit(limit).toList();
    }

    @Override public long count() { return byId.size(); }

    @Override public List<LoggedChange> changesAfter(long afterOffset, int max) { return List.of(); }

    @Override public void close() {}
}
