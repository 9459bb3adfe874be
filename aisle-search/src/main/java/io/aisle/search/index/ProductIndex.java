package io.aisle.search.index;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.CatalogStore;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The Lucene index of the catalogue, near-real-time: a background thread reopens the searcher at least once a second
 * after changes (sooner for a caller waiting in {@link #awaitVisible}). Derived data: it can always be rebuilt from
 * the catalogue. Write methods are serialised; searching is concurrent with writing. The caller owns the directory.
 */
public final class ProductIndex implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProductIndex.class);
    private static final double MAX_STALE_SECONDS = 0.5;
    private static final double MIN_STALE_SECONDS = 0.02;
    private static final String OFFSET_KEY = "aisle.catalog.offset";
    private static final int CATALOGUE_PAGE = 500;

    private final Analyzers analyzers;
    private final ProductDocument documents;
    private final Function<Product, float[]> vectors;
    private final ToDoubleFunction<Product> popularity;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final Object writeLock = new Object();
    /** Dimension of the vectors in the index (0 until the first); guarded by {@link #writeLock}. */
    private int dimension;

    private ProductIndex(Directory directory, Analyzers analyzers, Function<Product, float[]> vectors,
                         ToDoubleFunction<Product> popularity) throws IOException {
        this.analyzers = analyzers;
        this.documents = new ProductDocument(analyzers);
        this.vectors = vectors;
        this.popularity = popularity;
        IndexWriterConfig config = new IndexWriterConfig(analyzers.index())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, new SearcherFactory());
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, MIN_STALE_SECONDS);
        this.dimension = indexedDimension();
        reopener.setName("aisle-search-reopen");
        reopener.setDaemon(true);
        reopener.start();
    }

    /** An index without vectors, every product at popularity 0, with the standard analysers. */
    public static ProductIndex open(Directory directory) {
        return open(directory, Analyzers.standard(), p -> null, p -> 0);
    }

    /**
     * An index over {@code directory} (created when empty).
     *
     * @param vectors    a product's unit content vector, or null when it has none (it is then found lexically only)
     * @param popularity a product's popularity at indexing time (for sorting; later changes via {@link #updatePopularity})
     */
    public static ProductIndex open(Directory directory, Analyzers analyzers, Function<Product, float[]> vectors,
                                    ToDoubleFunction<Product> popularity) {
        Objects.requireNonNull(directory, "directory");
        try {
            return new ProductIndex(directory, Objects.requireNonNull(analyzers, "analyzers"),
                    Objects.requireNonNull(vectors, "vectors"), Objects.requireNonNull(popularity, "popularity"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the product index", e);
        }
    }

    public Analyzers analyzers() { return analyzers; }

    /** Applies changes in order; returns the generation to pass to {@link #awaitVisible}. */
    public long apply(List<CatalogChange> changes) {
        synchronized (writeLock) {
            long generation = reopener.getSearchingGen();
            for (CatalogChange change : changes) {
                generation = switch (change) {
                    case CatalogChange.Upsert u -> write(u.product());
                    case CatalogChange.Delete d -> remove(d.id());
                };
            }
            return generation;
        }
    }

    public long upsert(Product product) { return apply(List.of(new CatalogChange.Upsert(product))); }

    public long delete(ProductId id) { return apply(List.of(new CatalogChange.Delete(id))); }

    /**
     * Makes the index hold exactly {@code products}: each is (re)written, and products indexed before but not among
     * them are deleted at the end, so searches see a complete catalogue all along.
     */
    public long rebuild(Iterable<Product> products) {
        synchronized (writeLock) {
            refreshNow();
            Set<String> stale = ids();
            long generation = reopener.getSearchingGen();
            for (Product p : products) {
                generation = write(p);
                stale.remove(p.id().value());
            }
            for (String id : stale) generation = remove(ProductId.of(id));
            refreshNow();
            return generation;
        }
    }

    /**
     * Merges the index into one segment and makes searches see it; meant for after a bulk load. A bulk load leaves
     * several segments, and a search builds scorers, reads term dictionaries and counts per segment; one segment
     * measured 10 to 20% faster lexical searches on 100,000 products (aisle-search README). It takes a while on a
     * large index (about 30 s for 100,000 products with vectors on 2 cores); updates may go on meanwhile and land in
     * new small segments, which the merge policy folds in as usual.
     */
    public void compact() {
        try {
            long started = System.nanoTime();
            writer.forceMerge(1);
            log.atInfo().addKeyValue("docs", writer.getDocStats().numDocs).addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                    .log("product index merged into one segment");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge the product index", e);
        }
        refreshNow();
    }

    /** Every product of a catalogue store, read page by page in id order. */
    public static Iterable<Product> catalogue(CatalogStore store) {
        return () -> new Iterator<>() {
            private final ArrayDeque<Product> page = new ArrayDeque<>();
            private String after;
            private boolean done;

            @Override public boolean hasNext() {
                if (page.isEmpty() && !done) {
                    List<Product> next = store.page(after, CATALOGUE_PAGE);
                    page.addAll(next);
                    if (next.size() < CATALOGUE_PAGE) done = true;
                    if (!next.isEmpty()) after = next.get(next.size() - 1).id().value();
                }
                return !page.isEmpty();
            }

            @Override public Product next() {
                if (!hasNext()) throw new NoSuchElementException();
                return page.poll();
            }
        };
    }

    /** Sets a product's popularity in place, without re-indexing it; unknown ids are ignored. */
    public long updatePopularity(ProductId id, double value) {
        synchronized (writeLock) {
            try {
                return writer.updateNumericDocValue(new Term(SearchFields.ID, id.value()), SearchFields.POPULARITY,
                        ProductDocument.encodePopularity(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Makes every change so far searchable now. */
    public void refreshNow() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until searches see the change with {@code generation}, at most {@code maxMillis}; true when they do. */
    public boolean awaitVisible(long generation, int maxMillis) {
        try {
            return reopener.waitForGeneration(generation, maxMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Makes the index durable, recording the catalogue change-log offset it reflects. Changes applied after the last
     * commit are committed on close under the same offset, so a restart replays them: upserts and deletes repeat
     * harmlessly.
     */
    public void commit(long catalogOffset) {
        try {
            writer.setLiveCommitData(Map.of(OFFSET_KEY, Long.toString(catalogOffset)).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalogue offset of the last commit, or -1 when none was recorded. */
    public long committedOffset() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) if (e.getKey().equals(OFFSET_KEY)) return Long.parseLong(e.getValue());
        }
        return -1;
    }

    /** Products searchable now. */
    public int size() {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    /** A searcher over the latest refreshed view; give it back with {@link #release}. */
    public IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the reopen thread and closes the writer after a final commit; the directory stays open. */
    @Override public void close() {
        try {
            reopener.close();
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long write(Product p) {
        float[] vector = vectors.apply(p);
        if (vector != null && vector.length > 0) {
            if (dimension == 0) dimension = vector.length;
            if (vector.length != dimension) {
                // One field holds one model's vectors: index the product for lexical search rather than fail the batch.
                log.warn("product {} has a {}-d vector, the index holds {}-d ones; indexed without it", p.id(), vector.length, dimension);
                vector = null;
            }
        }
        try {
            return writer.updateDocument(new Term(SearchFields.ID, p.id().value()),
                    documents.build(p, vector, popularity.applyAsDouble(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long remove(ProductId id) {
        try {
            return writer.deleteDocuments(new Term(SearchFields.ID, id.value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int indexedDimension() {
        IndexSearcher s = acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(SearchFields.VECTOR);
                if (info != null && info.getVectorDimension() > 0) return info.getVectorDimension();
            }
            return 0;
        } finally {
            release(s);
        }
    }

    private Set<String> ids() {
        IndexSearcher s = acquire();
        try {
            Set<String> ids = new HashSet<>();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                SortedSetDocValues values = leaf.reader().getSortedSetDocValues(SearchFields.ID);
                Bits live = leaf.reader().getLiveDocs();
                if (values == null) continue;
                for (int doc = values.nextDoc(); doc != SortedSetDocValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live == null || live.get(doc)) ids.add(values.lookupOrd(values.nextOrd()).utf8ToString());
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
    }

}
