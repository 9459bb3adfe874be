package io.aisle.core.port;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The system of record for products, with a change log that indexes and caches follow. */
public interface CatalogStore extends AutoCloseable {

    Optional<Product> get(ProductId id);

    /** The products among {@code ids} that exist. */
    Map<ProductId, Product> getAll(Collection<ProductId> ids);

    /**
     * Applies every change in one transaction: all of them or, on any failure, none. Deleting a product that
     * does not exist is not an error and logs nothing.
     *
     * @return the changes as logged, in order
     */
    List<LoggedChange> apply(List<CatalogChange> changes);

    /** Products in id order, starting after {@code afterId} (null for the first page). */
    List<Product> page(String afterId, int limit);

    long count();

    /** Up to {@code max} logged changes with offset greater than {@code afterOffset}. */
    List<LoggedChange> changesAfter(long afterOffset, int max);

    @Override void close();
}
