package io.aisle.bench.search;

import io.aisle.bench.BenchReport;
import io.aisle.core.catalog.Product;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.embeddings.content.ContentVectors;
import io.aisle.embeddings.text.MiniLmEmbedder;
import io.aisle.search.CatalogueSearch;
import io.aisle.search.SearchEngine;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Search latency on a synthetic catalogue (100,000 products by default) with the simulator's shoppers' own queries:
 * one query at a time, query embedding included, after a warm-up. Product vectors are cached between runs.
 */
public final class SearchLatencyBenchmark {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final int MAX_SHOPPERS = 64_000;

    /** What to run. */
    public record Options(int products, int queries, int warmup, Path cache, long seed) {
        public Options {
            if (products < 100) throw new IllegalArgumentException("--products must be at least 100");
            if (queries < 10) throw new IllegalArgumentException("--queries must be at least 10");
        }
    }

    private final Options options;
    private final Consumer<String> progress;

    public SearchLatencyBenchmark(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() {
        CatalogGenerator generator = new CatalogGenerator(CatalogConfig.of(options.seed(), options.products()));
        List<Product> products = generator.products().toList();
        List<String> queries = queries(generator);
        progress.accept(String.format("%,d products, %,d distinct shopper queries", products.size(), queries.size()));
        MiniLmEmbedder encoder = new MiniLmEmbedder();
        ContentVectors vectors = VectorCache.load(options.cache().resolve("synthetic-" + options.products()), products,
                encoder, progress);
        BenchReport report = new BenchReport("search-latency", "synthetic-" + options.products());
        try (CatalogueSearch aisle = new CatalogueSearch(products, p -> vectors.vector(p.id()).orElse(null), encoder)) {
            double indexSeconds = aisle.indexSeconds();
            progress.accept(String.format("indexed in %.1f s", indexSeconds));
            for (SearchMode mode : List.of(SearchMode.LEXICAL, SearchMode.HYBRID, SearchMode.VECTOR)) {
                String system = "aisle-" + mode.name().toLowerCase(java.util.Locale.ROOT);
                SearchEngine engine = aisle.freshEngine(); // its own query-vector cache: no mode profits from another
                progress.accept(system + ": warm-up " + options.warmup() + ", then " + options.queries() + " queries");
                for (int i = 0; i < options.warmup(); i++) engine.search(request(queries, i, mode));
                double[] ms = new double[options.queries()];
                long started = System.nanoTime();
                for (int i = 0; i < ms.length; i++) {
                    long t = System.nanoTime();
                    engine.search(request(queries, options.warmup() + i, mode));
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                java.util.Arrays.sort(ms);
                report.put(system, "p50_ms", percentile(ms, 0.50)).put(system, "p95_ms", percentile(ms, 0.95))
                        .put(system, "p99_ms", percentile(ms, 0.99)).put(system, "queries_per_s", ms.length / seconds)
                        .put(system, "index_s", indexSeconds);
            }
        }
        return report;
    }

    private static SearchRequest request(List<String> queries, int i, SearchMode mode) {
        return SearchRequest.of(queries.get(i % queries.size())).withMode(mode);
    }

    /**
     * Distinct search texts the simulator's shoppers typed, in the order they first typed them: enough for the warm-up
     * and the measured queries to differ (more shoppers are simulated until there are), so no measured query finds
     * its own results or query vector cached by the warm-up.
     */
    private List<String> queries(CatalogGenerator generator) {
        CatalogView view = CatalogView.of(generator);
        int wanted = options.warmup() + options.queries();
        Set<String> out = new LinkedHashSet<>();
        for (int shoppers = 2_000; out.size() < wanted && shoppers <= MAX_SHOPPERS; shoppers *= 2) {
            var config = SimulationConfig.of(options.seed(), shoppers, START, START.plus(Duration.ofDays(30)));
            new ShopperSimulator(config, view).events()
                    .filter(e -> e.name() == EventName.SEARCH && e.query() != null && !e.query().isBlank())
                    .map(ShopperEvent::query)
                    .limit(50L * shoppers)
                    .forEach(out::add);
        }
        if (out.isEmpty()) throw new IllegalStateException("the simulator produced no searches");
        if (out.size() < wanted) {
            progress.accept(String.format("only %,d distinct queries for %,d warm-up + %,d measured: some measured queries repeat",
                    out.size(), options.warmup(), options.queries()));
        }
        return new ArrayList<>(out);
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
    }
}
