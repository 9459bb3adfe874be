package io.aisle.server.derived;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.feature.FeatureVector;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.port.Embedder;
import io.aisle.core.port.ModelStore;
import io.aisle.core.port.ProductSearch;
import io.aisle.embeddings.Vectors;
import io.aisle.search.CachedEmbedder;
import io.aisle.search.ItemSignals;
import io.aisle.search.SearchEngine;
import io.aisle.search.index.Analyzers;
import io.aisle.search.index.MemoryDirectory;
import io.aisle.search.index.ProductIndex;
import io.aisle.search.query.CatalogQueryUnderstanding;
import io.aisle.search.rank.RankingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Search as the server runs it: a Lucene index that follows the catalogue's change log (a change is searchable
 * within a second), query understanding that learns the catalogue's vocabulary from the same changes, products
 * re-indexed when their content vector arrives, and the engine over both. The index is rebuilt from the change log
 * at start, in memory.
 */
public final class SearchHost implements AutoCloseable {
    /** Name of the learned re-ranker in the model store. */
    public static final String RANKER_MODEL = "search-ranker";
    private static final Logger log = LoggerFactory.getLogger(SearchHost.class);
    private static final int PAGE = 500;
    private static final Duration POLL = Duration.ofMillis(100);
    /** Recent query texts whose vectors are kept: repeated and popular searches are not embedded again. */
    private static final int QUERY_VECTORS = 4_096;
    /**
     * Catalogues this large get searches made from their own products run at start ({@link SearchEngine#warmUp}), so
     * shoppers' first searches do not wait on the JIT compiler; smaller ones search fast enough cold.
     */
    private static final int WARM_UP_MIN_PRODUCTS = 20_000;
    private static final int WARM_UP_SEARCHES = 2_000;

    private final CatalogStore catalog;
    private final Embedder encoder;
    private final ProductIndex index;
    private final CatalogQueryUnderstanding understanding;
    private final SearchEngine engine;
    private final SearchHistory.Learner learner;
    private volatile Personalization personalization;
    private volatile boolean closed;
    private volatile long indexedOffset;
    private long vectorOffset;
    private Thread follower;

    /**
     * @param encoder the shared sentence encoder, or null for lexical search only
     * @param models  where a trained re-ranker is looked for ({@value #RANKER_MODEL}); without one the fused order stands
     */
    public SearchHost(CatalogStore catalog, ModelStore models, Embedder encoder) {
        this.catalog = catalog;
        this.encoder = encoder;
        this.index = ProductIndex.open(MemoryDirectory.create(), Analyzers.standard(), this::vector, p -> 0);
        Embedder queries = encoder == null ? null : new CachedEmbedder(encoder, QUERY_VECTORS);
        this.understanding = new CatalogQueryUnderstanding(queries);
        RankingModel ranker = models.latest(RANKER_MODEL).map(v -> RankingModel.fromBytes(models.load(v))).orElse(null);
        this.engine = new SearchEngine(index, understanding, queries, ranker == null ? null : ranker::score,
                new Signals(), this::affinity);
        this.learner = new SearchHistory.Learner() {
            @Override public void searched(String query, int shown) { engine.recordSearch(query, shown); }

            @Override public void chosen(String query, List<String> categoryPath) { understanding.learnSearch(query, categoryPath); }

            @Override public void reset() {
                engine.forgetSearches();
                understanding.forgetSearches();
            }
        };
    }

    /** Starts following the catalogue; {@code p} supplies vectors, popularity and affinities when enabled. */
    public synchronized SearchHost start(Personalization p) {
        this.personalization = p.enabled() ? p : null;
        follower = Thread.ofPlatform().daemon().name("aisle-search-follow").start(this::follow);
        return this;
    }

    public ProductSearch search() { return engine; }

    /** What the search-history projection teaches search. */
    public SearchHistory.Learner learner() { return learner; }

    /** The catalogue change-log offset the index has applied. */
    public long indexedOffset() { return indexedOffset; }

    private void follow() {
        boolean warmed = false;
        while (!closed) {
            try {
                boolean busy = applyChanges();
                busy |= syncVectors();
                if (!busy && !warmed) {
                    // Merging the bulk-loaded index, embedding the vocabulary and warming up the search path take a
                    // while on a large catalogue; the index must keep following meanwhile.
                    warmed = true;
                    Thread.ofPlatform().daemon().name("aisle-search-warmup").start(this::warmUp);
                }
                if (!busy) Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A failing page is retried after a pause; the index keeps serving what it has.
                log.atWarn().setCause(e).addKeyValue("offset", indexedOffset).log("search index not updated");
                try {
                    Thread.sleep(Duration.ofSeconds(1));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void warmUp() {
        try {
            index.compact();
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("search index not merged; searches read its segments as they are");
        }
        if (encoder != null) {
            try {
                long started = System.nanoTime();
                int embedded = understanding.warmUp();
                log.atInfo().addKeyValue("texts", embedded).addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                        .log("search vocabulary embedded");
            } catch (RuntimeException e) {
                log.atWarn().setCause(e).log("search vocabulary not embedded; queries embed what they need");
            }
        }
        if (index.size() < WARM_UP_MIN_PRODUCTS) return;
        try {
            long started = System.nanoTime();
            int ran = engine.warmUp(WARM_UP_SEARCHES);
            log.atInfo().addKeyValue("searches", ran).addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                    .log("search path warmed up");
        } catch (RuntimeException e) {
            // Closing the host mid warm-up closes the index under it: nothing to report then.
            if (!closed) log.atWarn().setCause(e).log("search warm-up stopped; the first searches compile the search path");
        }
    }

    private boolean applyChanges() {
        List<LoggedChange> page = catalog.changesAfter(indexedOffset, PAGE);
        if (page.isEmpty()) return false;
        List<CatalogChange> changes = new ArrayList<>(page.size());
        for (LoggedChange c : page) {
            changes.add(c.change());
            switch (c.change()) {
                case CatalogChange.Upsert u -> understanding.accept(u.product());
                case CatalogChange.Delete d -> understanding.remove(d.id());
            }
        }
        Personalization p = personalization;
        long covered = p == null ? -1 : p.contentOffset(); // read before indexing: vectors only ever get newer
        index.apply(changes);
        long before = indexedOffset;
        indexedOffset = page.get(page.size() - 1).offset();
        // Every product of the page had its vector when indexed: nothing to re-index for it later.
        if (covered >= indexedOffset && vectorOffset >= before) vectorOffset = indexedOffset;
        return true;
    }

    /** Re-indexes products whose content vector appeared after they were indexed. */
    private boolean syncVectors() {
        Personalization p = personalization;
        if (p == null) return false;
        long reached = Math.min(p.contentOffset(), indexedOffset);
        if (reached <= vectorOffset) return false;
        List<LoggedChange> page = catalog.changesAfter(vectorOffset, PAGE);
        List<ProductId> ids = new ArrayList<>();
        long last = vectorOffset;
        for (LoggedChange c : page) {
            if (c.offset() > reached) break;
            if (c.change() instanceof CatalogChange.Upsert u) ids.add(u.id());
            last = c.offset();
        }
        if (!ids.isEmpty()) {
            Map<ProductId, Product> current = catalog.getAll(ids);
            index.apply(current.values().stream().<CatalogChange>map(CatalogChange.Upsert::new).toList());
        }
        vectorOffset = last;
        return true;
    }

    private float[] vector(Product product) {
        Personalization p = personalization;
        return p == null ? null : p.contentVector(product.id()).orElse(null);
    }

    /** Cosine of the shopper's long-term content vector (computed once per search) and each product's. */
    private ToDoubleFunction<ProductId> affinity(String shopperKey) {
        Personalization p = personalization;
        Optional<float[]> taste = p == null ? Optional.empty() : p.shopperContentVector(shopperKey);
        if (taste.isEmpty()) return id -> 0;
        float[] a = taste.get();
        return id -> p.contentVector(id).map(b -> Math.max(-1, Math.min(1, Vectors.dot(a, b)))).orElse(0.0);
    }

    /** Popularity and conversion from the live item features. */
    private final class Signals implements ItemSignals {
        @Override public double popularity(ProductId id) {
            FeatureVector f = features(id);
            double views = f == null ? Double.NaN : f.value("views_30d");
            return Double.isNaN(views) ? Double.NaN : Math.log1p(views);
        }

        @Override public double conversion(ProductId id) {
            FeatureVector f = features(id);
            return f == null ? Double.NaN : f.value("conversion_30d");
        }

        private FeatureVector features(ProductId id) {
            Personalization p = personalization;
            return p == null ? null : p.itemFeatures(id);
        }
    }

    @Override public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = follower;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        index.close();
    }
}
