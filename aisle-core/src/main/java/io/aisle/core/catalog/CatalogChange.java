package io.aisle.core.catalog;

/** One change to the catalogue, as recorded in the catalogue's change log. */
public sealed interface CatalogChange {
    ProductId id();

    /** Create or replace a product. */
    record Upsert(Product product) implements CatalogChange {
        @Override public ProductId id() { return product.id(); }
    }

    /** Remove a product. */
    record Delete(ProductId id) implements CatalogChange {}
}
