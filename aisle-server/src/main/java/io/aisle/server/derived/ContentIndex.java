package io.aisle.server.derived;

import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.port.Embedder;
import io.aisle.core.port.ModelStore;
import io.aisle.embeddings.Neighbour;
import io.aisle.embeddings.content.ContentVectors;
import io.aisle.embeddings.text.ProductText;

import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Content vectors shared between the refresh job and request threads: the job embeds small pages of catalogue
 * changes under the write lock (so a query waits at most one page), queries read under the read lock.
 */
final class ContentIndex {
    private static final int PAGE = 16;

    private final ContentVectors vectors;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long savedOffset;

    ContentIndex(ModelStore models, Embedder embedder) {
        this.vectors = ContentVectors.loadLatest(models, embedder, ProductText.defaults());
        this.savedOffset = vectors.offset();
    }

    /** Embeds the next page of catalogue changes; returns how many changes it read (0 when up to date). */
    int refreshStep(CatalogStore catalog) {
        List<LoggedChange> changes = catalog.changesAfter(vectors.offset(), PAGE);
        if (changes.isEmpty()) return 0;
        lock.writeLock().lock();
        try {
            vectors.apply(changes);
        } finally {
            lock.writeLock().unlock();
        }
        return changes.size();
    }

    /** Saves a new version when anything changed since the last save. */
    void saveIfChanged(ModelStore models) {
        lock.readLock().lock();
        try {
            if (vectors.offset() == savedOffset) return;
            vectors.save(models);
            savedOffset = vectors.offset();
        } finally {
            lock.readLock().unlock();
        }
    }

    List<Neighbour> similar(ProductId id, int k) { return read(v -> v.similar(id, k)); }

    java.util.Optional<float[]> vector(ProductId id) { return read(v -> v.vector(id)); }

    long offset() { return read(v -> vectors.offset()); }

    int size() { return read(io.aisle.embeddings.ItemVectors::size); }

    /** Runs {@code query} over the vectors under the read lock. */
    <T> T read(java.util.function.Function<io.aisle.embeddings.ItemVectors, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(vectors);
        } finally {
            lock.readLock().unlock();
        }
    }
}
