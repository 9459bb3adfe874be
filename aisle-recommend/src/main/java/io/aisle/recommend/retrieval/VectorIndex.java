package io.aisle.recommend.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Approximate nearest neighbours over item vectors: an in-memory Lucene index whose vector field is an HNSW graph
 * (Lucene's defaults: 16 links per node, beam 100 while building). Vectors are normalised on the way in, so scores
 * are cosine similarities. Items can be added, replaced and removed while others search; a search sees every
 * change made before it started. Thread-safe.
 */
public final class VectorIndex implements AutoCloseable {
    /** Candidates the graph search keeps by default (HNSW "ef"); more costs time and gains recall. */
    public static final int DEFAULT_SEARCH_WIDTH = 100;

    private static final String ID = "id";
    private static final String ITEM = "item";
    private static final String VECTOR = "vector";

    private final int dimension;
    private final int searchWidth;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final BitSet present = new BitSet();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final Object refreshLock = new Object();

    public VectorIndex(int dimension) {
        this(dimension, DEFAULT_SEARCH_WIDTH);
    }

    public VectorIndex(int dimension, int searchWidth) {
        if (dimension < 1 || dimension > 1024) throw new IllegalArgumentException("dimension must be in 1..1024, got " + dimension);
        if (searchWidth < 1) throw new IllegalArgumentException("searchWidth must be at least 1, got " + searchWidth);
        this.dimension = dimension;
        this.searchWidth = searchWidth;
        // A large buffer keeps a bulk load in one segment, so one graph answers instead of several merged.
        IndexWriterConfig config = new IndexWriterConfig()
                .setMergeScheduler(new SerialMergeScheduler())
                .setRAMBufferSizeMB(256)
                .setCommitOnClose(false);
        try {
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, new ItemSearcherFactory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open an in-memory vector index", e);
        }
    }

    public int dimension() { return dimension; }

    /** Items currently in the index. */
    public synchronized int size() { return present.cardinality(); }

    public synchronized boolean contains(int item) { return item >= 0 && present.get(item); }

    /** Adds a new item; refuses one already present (use {@link #replace}). */
    public synchronized void add(int item, float[] vector) {
        checkItem(item);
        if (present.get(item)) throw new IllegalArgumentException("item " + item + " is already in the index; replace it instead");
        put(item, vector);
    }

    /** Sets the vector of an item, adding it when absent. */
    public synchronized void replace(int item, float[] vector) {
        checkItem(item);
        put(item, vector);
    }

    /** Adds item {@code i} with {@code vectors[i]} for every row, in one batch. */
    public synchronized void addAll(float[][] vectors) {
        Objects.requireNonNull(vectors, "vectors");
        for (int i = 0; i < vectors.length; i++) {
            if (present.get(i)) throw new IllegalArgumentException("item " + i + " is already in the index; replace it instead");
        }
        for (int i = 0; i < vectors.length; i++) put(i, vectors[i]);
    }

    /** Removes an item; does nothing when it is absent. */
    public synchronized void remove(int item) {
        checkItem(item);
        if (!present.get(item)) return;
        try {
            writer.deleteDocuments(new Term(ID, Integer.toString(item)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        present.clear(item);
        changed.set(true);
    }

    private void put(int item, float[] vector) {
        float[] unit = UnitVectors.of("vector", vector, dimension);
        Document doc = new Document();
        doc.add(new StringField(ID, Integer.toString(item), Field.Store.NO));
        doc.add(new NumericDocValuesField(ITEM, item));
        doc.add(new KnnFloatVectorField(VECTOR, unit, VectorSimilarityFunction.DOT_PRODUCT));
        try {
            writer.updateDocument(new Term(ID, Integer.toString(item)), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        present.set(item);
        changed.set(true);
    }

    private static void checkItem(int item) {
        if (item < 0) throw new IllegalArgumentException("item must be >= 0, got " + item);
    }

    /** The {@code k} items nearest {@code query}, best first. */
    public List<Neighbour> nearest(float[] query, int k) {
        return nearest(query, k, item -> true);
    }

    /** The {@code k} items nearest {@code query} among those {@code allowed} accepts, best first. */
    public List<Neighbour> nearest(float[] query, int k, IntPredicate allowed) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        Objects.requireNonNull(allowed, "allowed");
        float[] q = UnitVectors.of("query", query, dimension);
        try {
            // Under a lock, so a search that starts while another refreshes waits for it and sees the same changes.
            synchronized (refreshLock) {
                if (changed.getAndSet(false)) searchers.maybeRefreshBlocking();
            }
            ItemSearcher searcher = (ItemSearcher) searchers.acquire();
            try {
                if (searcher.getIndexReader().numDocs() == 0) return List.of();
                int width = Math.max(k, searchWidth);
                KnnFloatVectorQuery knn = new KnnFloatVectorQuery(VECTOR, q, width, new ItemFilterQuery(searcher.docItems, allowed));
                TopDocs top = searcher.search(knn, k);
                List<Neighbour> out = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc hit : top.scoreDocs) {
                    // Lucene's dot-product score is (1 + cosine) / 2.
                    out.add(new Neighbour(searcher.docItems[hit.doc], 2 * hit.score - 1));
                }
                return out;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A searcher that knows the item of every document of its reader. */
    private static final class ItemSearcher extends IndexSearcher {
        final int[] docItems;

        ItemSearcher(IndexReader reader) throws IOException {
            super(reader);
            setQueryCache(null);
            docItems = new int[reader.maxDoc()];
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues items = leaf.reader().getNumericDocValues(ITEM);
                if (items == null) continue;
                for (int doc = items.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = items.nextDoc()) {
                    docItems[leaf.docBase + doc] = (int) items.longValue();
                }
            }
        }
    }

    private static final class ItemSearcherFactory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
            return new ItemSearcher(reader);
        }
    }
}
