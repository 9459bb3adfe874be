package io.aisle.embeddings;

import io.aisle.core.catalog.ProductId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** ItemVectors from a map, for tests: vectors are normalised on the way in. */
public final class MapItemVectors implements ItemVectors {
    private final Map<ProductId, float[]> vectors = new TreeMap<>();
    private final int dimension;

    public MapItemVectors(int dimension) { this.dimension = dimension; }

    public MapItemVectors put(String id, float... v) {
        vectors.put(ProductId.of(id), Vectors.unit(v));
        return this;
    }

    @Override public int dimension() { return dimension; }

    @Override public int size() { return vectors.size(); }

    @Override public Optional<float[]> vector(ProductId id) { return Optional.ofNullable(vectors.get(id)); }

    @Override public Collection<ProductId> ids() { return vectors.keySet(); }
}
