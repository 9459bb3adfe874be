package io.aisle.search;

import io.aisle.core.catalog.Product;
import io.aisle.core.port.Embedder;
import io.aisle.search.index.Analyzers;
import io.aisle.search.index.MemoryDirectory;
import io.aisle.search.index.ProductIndex;
import io.aisle.search.query.CatalogQueryUnderstanding;

import java.util.List;
import java.util.function.Function;

/**
 * Search over a fixed list of products held in memory, set up as the server sets it up (index, vocabulary learned
 * from the same products, one query-vector cache shared by parse and retrieval): for benchmarks and offline
 * training. The server follows the live catalogue instead ({@code SearchHost}).
 */
public final class CatalogueSearch implements AutoCloseable {
    /** Recent query texts whose vectors each engine keeps. */
    private static final int QUERY_VECTORS = 1_024;

    private final List<Product> products;
    private final Embedder encoder;
    private final ProductIndex index;
    private final double indexSeconds;
    private Understanding shared;

    /**
     * Indexes {@code products} (the slow part: about 1,000 products/s with vectors on 2 cores).
     *
     * @param vectors a product's unit content vector, or null when it has none
     * @param encoder the sentence encoder for queries, or null for lexical search only
     */
    public CatalogueSearch(List<Product> products, Function<Product, float[]> vectors, Embedder encoder) {
        this.products = List.copyOf(products);
        this.encoder = encoder;
        long started = System.nanoTime();
        this.index = ProductIndex.open(MemoryDirectory.create(), Analyzers.standard(), vectors, p -> 0);
        index.rebuild(this.products);
        index.compact();
        this.indexSeconds = (System.nanoTime() - started) / 1e9;
    }

    public double indexSeconds() { return indexSeconds; }

    /**
     * An engine over the shared query understanding (learned from the products, vocabulary embedded once, on first
     * use) and the shared query-vector cache.
     *
     * @param scorer the re-ranker, or null for the fused order
     */
    public synchronized SearchEngine engine(CandidateScorer scorer) {
        if (shared == null) shared = understanding();
        return new SearchEngine(index, shared.understanding(), shared.queries(), scorer, null, null);
    }

    /** An engine with its own understanding and query-vector cache: for timing, so no engine profits from another. */
    public SearchEngine freshEngine() {
        Understanding u = understanding();
        return new SearchEngine(index, u.understanding(), u.queries(), null, null, null);
    }

    private record Understanding(CatalogQueryUnderstanding understanding, Embedder queries) {}

    private Understanding understanding() {
        Embedder queries = encoder == null ? null : new CachedEmbedder(encoder, QUERY_VECTORS);
        CatalogQueryUnderstanding understanding = new CatalogQueryUnderstanding(queries);
        products.forEach(understanding::accept);
        understanding.warmUp();
        return new Understanding(understanding, queries);
    }

    @Override public void close() { index.close(); }
}
