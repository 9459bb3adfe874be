package io.aisle.search.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A value kept for one index reader at a time (a cache of what that reader holds): a search on a newer reader starts
 * it over, so nothing cached outlives the reader it was read from. Thread-safe.
 */
public final class PerReader<T> {
    private record Entry<T>(IndexReader.CacheKey reader, T value) {}

    private final Supplier<T> fresh;
    private final AtomicReference<Entry<T>> current;

    public PerReader(Supplier<T> fresh) {
        this.fresh = fresh;
        this.current = new AtomicReference<>(new Entry<>(null, fresh.get()));
    }

    /** The value for the searcher's reader, or null when that reader cannot be told apart from others. */
    public T of(IndexSearcher searcher) {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) return null;
        Entry<T> e = current.get();
        if (e.reader() == helper.getKey()) return e.value();
        Entry<T> next = new Entry<>(helper.getKey(), fresh.get());
        e = current.compareAndSet(e, next) ? next : current.get();
        // Another thread moved on to yet another reader meanwhile: this search goes without the cache.
        return e.reader() == helper.getKey() ? e.value() : null;
    }
}
