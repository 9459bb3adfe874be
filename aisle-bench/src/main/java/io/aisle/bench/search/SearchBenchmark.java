package io.aisle.bench.search;

import io.aisle.bench.BenchReport;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.SearchHit;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.embeddings.content.ContentVectors;
import io.aisle.embeddings.text.MiniLmEmbedder;
import io.aisle.search.CatalogueSearch;
import io.aisle.search.RankerTraining;
import io.aisle.search.SearchEngine;
import io.aisle.search.rank.GroupFolds;
import io.aisle.search.rank.RankingExample;
import io.aisle.search.rank.RankingMetrics;
import io.aisle.search.rank.RankingModel;
import io.aisle.search.rank.RankingObjective;
import io.aisle.search.rank.RankingParams;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Search quality on the Chorus electronics benchmark (19,406 Icecat products, graded judgments): plain Lucene BM25,
 * vector-only, Aisle's hybrid pipeline without a re-ranker, and Aisle with its learned re-ranker, all in one run.
 * The re-ranker is trained on judgments of other queries only (k-fold over queries), never on the query it ranks.
 */
public final class SearchBenchmark {
    static final int K = 10;
    static final int RECALL_DEPTH = 100;
    /** Fused candidates per training query, as many as the engine re-ranks. */
    static final int TRAINING_DEPTH = 100;

    /** What to run on. */
    public record Options(Path data, Path cache, int folds, long seed) {
        public Options {
            if (folds < 2 || folds > 20) throw new IllegalArgumentException("--folds must be 2..20");
        }
    }

    private final Options options;
    private final Consumer<String> progress;

    public SearchBenchmark(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() {
        progress.accept("reading " + options.data());
        ChorusData data = ChorusData.read(options.data());
        Map<String, Map<ProductId, Integer>> judged = new LinkedHashMap<>();
        data.judgments().forEach((q, j) -> { if (j.values().stream().anyMatch(r -> r > 0)) judged.put(q, j); });
        progress.accept(String.format("%,d products, %d queries with a relevant judgment (%d judged in all)",
                data.products().size(), judged.size(), data.judgments().size()));
        MiniLmEmbedder encoder = new MiniLmEmbedder();
        ContentVectors vectors = VectorCache.load(options.cache().resolve("chorus-electronics"), data.products(), encoder, progress);
        BenchReport report = new BenchReport("search", "chorus-electronics");

        try (Bm25Baseline bm25 = new Bm25Baseline(data.products())) {
            progress.accept("bm25 baseline");
            score(report, "bm25", judged, q -> bm25.search(q, RECALL_DEPTH));
        }
        progress.accept("indexing for aisle");
        try (CatalogueSearch aisle = new CatalogueSearch(data.products(), p -> vectors.vector(p.id()).orElse(null), encoder)) {
            progress.accept(String.format("indexed in %.1f s", aisle.indexSeconds()));
            SearchEngine plain = aisle.engine(null);
            progress.accept("aisle lexical only");
            score(report, "aisle-lexical", judged, q -> ids(plain, q, SearchMode.LEXICAL));
            progress.accept("vector only");
            score(report, "vector", judged, q -> ids(plain, q, SearchMode.VECTOR));
            progress.accept("aisle hybrid, no re-ranker");
            score(report, "aisle-fused", judged, q -> ids(plain, q, SearchMode.HYBRID));
            progress.accept("aisle with the learned re-ranker (" + options.folds() + "-fold over queries)");
            reranked(report, aisle, plain, judged);
        }
        return report;
    }

    private void reranked(BenchReport report, CatalogueSearch aisle, SearchEngine plain,
                          Map<String, Map<ProductId, Integer>> judged) {
        List<RankingExample> examples = RankerTraining.examples(plain, judged, TRAINING_DEPTH);
        List<String> groupOfRow = examples.stream().map(RankingExample::group).toList();
        GroupFolds folds = GroupFolds.byGroup(groupOfRow, options.folds(), options.seed());
        Map<String, List<ProductId>> rankings = new LinkedHashMap<>();
        Map<String, Double> latency = new LinkedHashMap<>();
        RankingParams params = RankingParams.defaults().withObjective(RankingObjective.LAMBDAMART).withSeed(options.seed());
        for (int fold = 0; fold < folds.folds(); fold++) {
            List<RankingExample> train = Arrays.stream(folds.trainRows(fold)).mapToObj(examples::get).toList();
            java.util.Set<String> test = new java.util.LinkedHashSet<>();
            for (int row : folds.testRows(fold)) test.add(groupOfRow.get(row));
            try (RankingModel model = RankingModel.train(train, params)) {
                SearchEngine engine = aisle.engine(model::score);
                for (String q : test) {
                    long t = System.nanoTime();
                    rankings.put(q, ids(engine, q, SearchMode.HYBRID));
                    latency.put(q, (System.nanoTime() - t) / 1e6);
                }
            }
        }
        metrics(report, "aisle", judged, rankings, new ArrayList<>(latency.values()));
    }

    private static List<ProductId> ids(SearchEngine engine, String query, SearchMode mode) {
        return engine.search(request(query, mode)).hits().stream().map(SearchHit::id).toList();
    }

    private static SearchRequest request(String query, SearchMode mode) {
        return SearchRequest.of(query).withMode(mode).withPage(0, RECALL_DEPTH);
    }

    private static void score(BenchReport report, String system, Map<String, Map<ProductId, Integer>> judged,
                              Function<String, List<ProductId>> search) {
        Map<String, List<ProductId>> rankings = new LinkedHashMap<>();
        List<Double> latency = new ArrayList<>();
        for (String q : judged.keySet()) {
            long t = System.nanoTime();
            rankings.put(q, search.apply(q));
            latency.add((System.nanoTime() - t) / 1e6);
        }
        metrics(report, system, judged, rankings, latency);
    }

    private static void metrics(BenchReport report, String system, Map<String, Map<ProductId, Integer>> judged,
                                Map<String, List<ProductId>> rankings, List<Double> latencyMs) {
        double ndcg = 0, condensed = 0, judgedAt = 0, recall = 0;
        for (Map.Entry<String, Map<ProductId, Integer>> e : judged.entrySet()) {
            List<ProductId> ranking = rankings.getOrDefault(e.getKey(), List.of());
            ndcg += RankingMetrics.ndcg(ranking, e.getValue(), K);
            condensed += RankingMetrics.condensedNdcg(ranking, e.getValue(), K);
            judgedAt += RankingMetrics.judged(ranking, e.getValue(), K);
            recall += RankingMetrics.recall(ranking, e.getValue(), RECALL_DEPTH);
        }
        int n = judged.size();
        double[] sorted = latencyMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        report.put(system, "ndcg@10", ndcg / n).put(system, "condensed_ndcg@10", condensed / n)
                .put(system, "judged@10", judgedAt / n).put(system, "recall@100", recall / n)
                .put(system, "p95_ms", SearchLatencyBenchmark.percentile(sorted, 0.95));
    }
}
