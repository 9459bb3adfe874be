package io.aisle.search;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.Embedder;
import io.aisle.core.port.ProductSearch;
import io.aisle.core.search.Facet;
import io.aisle.core.search.SearchHit;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.Suggestion;
import io.aisle.core.validation.ValidationException;
import io.aisle.search.index.ProductIndex;
import io.aisle.search.index.SearchFields;
import io.aisle.search.query.QueryUnderstanding;
import io.aisle.search.rank.RankFeatures;
import io.aisle.search.retrieve.Evidence;
import io.aisle.search.retrieve.FacetCounter;
import io.aisle.search.retrieve.FeatureBuilder;
import io.aisle.search.retrieve.Fused;
import io.aisle.search.retrieve.Retriever;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hybrid product search: parse, spelling, lexical and vector retrieval under the same filters, reciprocal rank
 * fusion, optional re-ranking and personal boost, sort, page, facets over all matches, and an explanation per hit.
 * Degrades to lexical search without an embedder and to the fused order without a scorer. Thread-safe.
 */
public final class SearchEngine implements ProductSearch {
    /** Most suggestions one call may ask for. */
    public static final int MAX_SUGGESTIONS = 50;
    /** Longest autocomplete prefix accepted, in characters. */
    public static final int MAX_PREFIX_CHARS = 100;
    private static final int QUERY_LOG_CAPACITY = 100_000;
    private static final int MAX_DEPTH = 1_000;

    private final ProductIndex index;
    private final QueryPreparer preparer;
    private final FeatureBuilder features;
    private final Ranker ranker;
    private final FacetCounter facets = FacetCounter.defaults();
    private final StoredHits storedHits = new StoredHits();
    private final QueryLog queryLog = new QueryLog(QUERY_LOG_CAPACITY);
    private final SearchSettings settings;

    /** An engine with default settings; {@code embedder}, {@code scorer} and {@code affinity} may be null. */
    public SearchEngine(ProductIndex index, QueryUnderstanding understanding, Embedder embedder, CandidateScorer scorer,
                        ItemSignals signals, PersonalAffinity affinity) {
        this(index, understanding, embedder, scorer, signals, affinity, SearchSettings.defaults());
    }

    public SearchEngine(ProductIndex index, QueryUnderstanding understanding, Embedder embedder, CandidateScorer scorer,
                        ItemSignals signals, PersonalAffinity affinity, SearchSettings settings) {
        this.index = Objects.requireNonNull(index, "index");
        this.settings = Objects.requireNonNull(settings, "settings");
        ItemSignals s = signals == null ? ItemSignals.none() : signals;
        Retriever retriever = new Retriever(settings.lexicalDepth(), settings.vectorDepth(), settings.rrfK(),
                settings.minSimilarity(), settings.similarityMargin());
        this.preparer = new QueryPreparer(Objects.requireNonNull(understanding, "understanding"), embedder,
                index.analyzers(), retriever, settings.fewResults());
        this.features = new FeatureBuilder(s::popularity, s::conversion);
        this.ranker = new Ranker(scorer, affinity, features, settings.rerankDepth(), settings.personalWeight());
    }

    @Override public SearchResults search(SearchRequest request) {
        long start = System.nanoTime();
        int depth = request.offset() + request.limit();
        IndexSearcher searcher = index.acquire();
        try {
            Prepared prepared = preparer.prepare(searcher, request, depth);
            Map<Integer, Evidence> evidence = new HashMap<>();
            List<Scored> order = ranker.order(searcher, request, prepared, depth, evidence);
            List<Scored> page = request.offset() >= order.size() ? List.of() : order.subList(request.offset(), order.size());
            Map<Integer, Fused> fused = prepared.fusedByDoc();
            List<Integer> missing = page.stream().map(Scored::doc).filter(d -> !evidence.containsKey(d)).toList();
            evidence.putAll(features.explain(searcher, prepared.featureQuery(), missing, fused));
            List<SearchHit> hits = HitAssembler.hits(searcher, storedHits, page, evidence, fused);
            List<Facet> facetList = facets.count(searcher, prepared.retrieval().matches());
            return new SearchResults(prepared.parsed(), prepared.retrieval().total(), hits, facetList,
                    prepared.didYouMean(), prepared.outcome().relaxed(), (System.nanoTime() - start) / 1e6);
        } finally {
            index.release(searcher);
        }
    }

    /**
     * Runs {@code searches} searches made from the indexed products ({@link WarmUpQueries}), lexical but for every
     * tenth (hybrid, when there is an encoder), recorded nowhere: so the JIT compiler has compiled the search path
     * before shoppers' searches arrive. On 100,000 products, 2,000 of them brought the p95 of the next 2,000 shopper
     * searches from 5.6-5.8 ms down to 4.7-5.2 ms, near the 4.5-4.7 ms of a long-running engine (README). Returns how
     * many ran.
     */
    public int warmUp(int searches) {
        if (searches < 0) throw new IllegalArgumentException("searches must not be negative, got " + searches);
        IndexSearcher searcher = index.acquire();
        List<String> texts;
        try {
            texts = WarmUpQueries.of(searcher, storedHits, searches);
        } finally {
            index.release(searcher);
        }
        for (int i = 0; i < texts.size(); i++) {
            search(SearchRequest.of(texts.get(i)).withMode(i % 10 == 9 ? SearchMode.HYBRID : SearchMode.LEXICAL));
        }
        return texts.size();
    }

    /** Remembers a search for autocomplete; searches that found nothing are ignored. */
    public void recordSearch(String query, long resultsCount) { queryLog.record(query, resultsCount); }

    /** Forgets every search {@link #recordSearch} recorded, before the search history is replayed from the start. */
    public void forgetSearches() { queryLog.clear(); }

    @Override public List<Suggestion> suggest(String prefix, int limit) {
        if (limit < 1 || limit > MAX_SUGGESTIONS) throw new ValidationException("limit", "must be between 1 and " + MAX_SUGGESTIONS);
        if (prefix == null || prefix.isBlank()) return List.of();
        if (prefix.length() > MAX_PREFIX_CHARS) throw new ValidationException("q", "is longer than " + MAX_PREFIX_CHARS + " characters");
        if (prefix.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw new ValidationException("q", "contains control characters");
        }
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (Suggestion s : queryLog.complete(prefix, limit)) out.putIfAbsent(s.text().toLowerCase(Locale.ROOT), s);
        IndexSearcher searcher = index.acquire();
        try {
            for (Suggestion s : CatalogueCompletions.complete(searcher, prefix, limit)) {
                out.putIfAbsent(s.text().toLowerCase(Locale.ROOT), s);
            }
        } finally {
            index.release(searcher);
        }
        return out.values().stream().limit(limit).toList();
    }

    /** The first {@code depth} fused candidates of a request, before re-ranking, with their features. */
    public List<Candidate> candidates(SearchRequest request, int depth) {
        if (depth < 1 || depth > MAX_DEPTH) throw new ValidationException("depth", "must be between 1 and " + MAX_DEPTH);
        IndexSearcher searcher = index.acquire();
        try {
            Prepared prepared = preparer.prepare(searcher, request, depth);
            List<Fused> head = prepared.retrieval().fused();
            head = head.subList(0, Math.min(depth, head.size()));
            Map<Integer, Evidence> evidence = features.build(searcher, prepared.featureQuery(),
                    head.stream().map(Fused::doc).toList(), prepared.fusedByDoc());
            List<Candidate> out = new ArrayList<>(head.size());
            for (Fused f : head) out.add(new Candidate(evidence.get(f.doc()).id(), evidence.get(f.doc()).features()));
            return out;
        } finally {
            index.release(searcher);
        }
    }

    /**
     * Features of {@code products} for a request, whether retrieval returned them or not (ranks are then 0): for
     * training a re-ranker on judged products. Products not in the index are left out.
     */
    public Map<ProductId, RankFeatures> rankFeatures(SearchRequest request, Collection<ProductId> products) {
        IndexSearcher searcher = index.acquire();
        try {
            Prepared prepared = preparer.prepare(searcher, request, settings.lexicalDepth());
            Set<Integer> docs = new TreeSet<>();
            for (ProductId id : products) {
                TopDocs top = searcher.search(new TermQuery(new Term(SearchFields.ID, id.value())), 1);
                if (top.scoreDocs.length > 0) docs.add(top.scoreDocs[0].doc);
            }
            Map<ProductId, RankFeatures> out = new LinkedHashMap<>();
            features.build(searcher, prepared.featureQuery(), docs, prepared.fusedByDoc())
                    .values().forEach(e -> out.put(e.id(), e.features()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    /** {@link #rankFeatures(SearchRequest, Collection)} for a plain hybrid query. */
    public Map<ProductId, RankFeatures> rankFeatures(String query, List<ProductId> products) {
        return rankFeatures(SearchRequest.of(query), products);
    }
}
