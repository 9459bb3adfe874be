package io.aisle.embeddings;

import io.aisle.core.catalog.ProductId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Unit-length vectors of items in one space (content or behaviour): vectors from two spaces are never compared.
 * Shopper vectors are computed in whichever space they are asked for.
 */
public interface ItemVectors {

    /** Length of every vector. */
    int dimension();

    /** How many items have a vector. */
    int size();

    /** The unit vector of {@code id}, or empty when the item has none. Callers must not modify it. */
    Optional<float[]> vector(ProductId id);

    /** Every item that has a vector, in a stable order. */
    Collection<ProductId> ids();

    /**
     * The {@code k} items most similar to {@code query} by cosine, best first, skipping those {@code exclude} accepts.
     * Exact, by a scan of all items: for tests, evaluation and small catalogues; serving uses a vector index.
     */
    default List<Neighbour> nearest(float[] query, int k, Predicate<ProductId> exclude) {
        TopK top = new TopK(k);
        for (ProductId id : ids()) {
            if (exclude.test(id)) continue;
            vector(id).ifPresent(v -> top.offer(id, Vectors.dot(query, v)));
        }
        return top.best();
    }

    /** The {@code k} items most similar to item {@code id}, itself excluded; empty when it has no vector. */
    default List<Neighbour> similar(ProductId id, int k) {
        return vector(id).map(v -> nearest(v, k, id::equals)).orElse(List.of());
    }
}
