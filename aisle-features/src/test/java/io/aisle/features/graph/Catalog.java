package io.aisle.features.graph;

import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A hand-made catalogue for graph tests: products with a category path and, for variants, a parent. */
final class Catalog implements Function<ProductId, Optional<Product>> {
    private final Map<ProductId, Product> products = new HashMap<>();

    Catalog add(String id, String... path) { return put(id, null, path); }

    Catalog variant(String id, String parent, String... path) { return put(id, parent, path); }

    @Override public Optional<Product> apply(ProductId id) { return Optional.ofNullable(products.get(id)); }

    private Catalog put(String id, String parent, String... path) {
        products.put(ProductId.of(id), new Product(ProductId.of(id), parent == null ? null : ProductId.of(parent), "Product " + id,
                null, null, List.of(path), null, Money.of("10.00", "EUR"), null, null, null));
        return this;
    }
}
