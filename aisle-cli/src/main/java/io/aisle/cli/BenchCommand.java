package io.aisle.cli;

import io.aisle.bench.BenchReport;
import io.aisle.bench.EmbeddingBenchmark;
import io.aisle.bench.FeatureBenchmark;
import io.aisle.bench.IngestBenchmark;
import io.aisle.bench.RelevanceBenchmark;
import io.aisle.bench.content.ContentBenchmark;
import io.aisle.bench.forecast.ForecastBenchmark;
import io.aisle.bench.forecast.InventoryBenchmark;
import io.aisle.bench.pricing.PricingBenchmark;
import io.aisle.bench.images.ImagesBenchmark;
import io.aisle.bench.recs.RecsBenchmark;
import io.aisle.bench.recs.RecsLoadBenchmark;
import io.aisle.bench.search.SearchBenchmark;
import io.aisle.bench.search.SearchLatencyBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aisle bench ...}: benchmarks that print a table and optionally write JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Features.class, BenchCommand.Embeddings.class,
                BenchCommand.Relevance.class, BenchCommand.Search.class, BenchCommand.SearchLatency.class,
                BenchCommand.Recs.class, BenchCommand.RecsLoad.class, BenchCommand.Pricing.class, BenchCommand.Images.class,
                BenchCommand.Content.class, BenchCommand.Assistant.class, BenchCommand.Forecast.class,
                BenchCommand.Inventory.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** Prints the table, writes the JSON when asked, and exits 0: a low figure is a result, not a failure. */
    static int emit(BenchReport report, Path json) {
        report.print(System.out);
        if (json != null) report.writeJson(json);
        return 0;
    }

    /** {@code aisle bench ingest}. */
    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Sustained durable event ingestion over HTTP (POST /v1/events).",
                    "Starts a server on a temporary data directory unless --url is given."})
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--duration", description = "Measured seconds (default: ${DEFAULT-VALUE})", defaultValue = "30")
        int duration;
        @Option(names = "--warmup", description = "Warm-up seconds, not measured (default: ${DEFAULT-VALUE})", defaultValue = "10")
        int warmup;
        @Option(names = "--clients", description = "Concurrent clients (default: ${DEFAULT-VALUE})", defaultValue = "12")
        int clients;
        @Option(names = "--batch", description = "Events per request (default: ${DEFAULT-VALUE})", defaultValue = "100")
        int batch;
        @Option(names = "--url", description = "Benchmark a running server instead, e.g. http://localhost:7070")
        String url;
        @Option(names = "--key", description = "Public API key for --url")
        String key;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() throws Exception {
            BenchReport report = new IngestBenchmark(new IngestBenchmark.Options(duration, warmup, clients, batch, url, key),
                    msg -> System.err.println("bench ingest: " + msg)).run();
            return emit(report, json);
        }
    }

    /** {@code aisle bench features}. */
    @Command(name = "features", mixinStandardHelpOptions = true,
            description = {"The personalization data pipeline on simulated shoppers: events/s through the feature",
                    "pipeline, in-process feature lookup latency, content embedding throughput of the sentence",
                    "encoder, and the time to rebuild all features by replaying an embedded event log."})
    static final class Features implements Callable<Integer> {
        @Option(names = "--events", description = "Simulated events (default: ${DEFAULT-VALUE})", defaultValue = "1000000")
        long events;
        @Option(names = "--products", description = "Catalogue size (default: ${DEFAULT-VALUE})", defaultValue = "50000")
        int products;
        @Option(names = "--shoppers", description = "Simulated shoppers (default: ${DEFAULT-VALUE})", defaultValue = "100000")
        int shoppers;
        @Option(names = "--embed", description = "Products to embed for the content throughput (default: ${DEFAULT-VALUE}; 0 skips)", defaultValue = "1000")
        int embed;
        @Option(names = "--no-rebuild", description = "Skip the log fill and rebuild")
        boolean noRebuild;
        @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
        long seed;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() throws Exception {
            // The encoder is timed first, in a fresh heap, so the pipeline's state and garbage are not in its way.
            BenchReport content = null;
            if (embed > 0) {
                EmbeddingBenchmark.Options o = new EmbeddingBenchmark.Options(embed, Math.min(200, embed), Math.max(products, embed + 200),
                        1, 1, 1);
                content = new EmbeddingBenchmark(o, msg -> System.err.println("bench features: " + msg)).runContent();
            }
            BenchReport report = new FeatureBenchmark(new FeatureBenchmark.Options(events, products, shoppers, seed, 200_000, !noRebuild),
                    msg -> System.err.println("bench features: " + msg)).run();
            if (content != null) report.putAll(content);
            return emit(report, json);
        }
    }

    /** {@code aisle bench embeddings}. */
    @Command(name = "embeddings", mixinStandardHelpOptions = true,
            description = {"Vectors: sentence-encoder throughput on product copy, implicit-ALS behaviour vector",
                    "training and fold-in time, and HR@10 / NDCG@10 of behaviour vectors against popularity on each",
                    "simulated shopper's held-out last item."})
    static final class Embeddings implements Callable<Integer> {
        @Option(names = "--products", description = "Products to embed (default: ${DEFAULT-VALUE})", defaultValue = "2000")
        int products;
        @Option(names = "--catalogue", description = "Catalogue size for training (default: ${DEFAULT-VALUE})", defaultValue = "50000")
        int catalogue;
        @Option(names = "--shoppers", description = "Simulated shoppers for training (default: ${DEFAULT-VALUE})", defaultValue = "10000")
        int shoppers;
        @Option(names = "--days", description = "Simulated days (default: ${DEFAULT-VALUE})", defaultValue = "36")
        int days;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            BenchReport report = new EmbeddingBenchmark(new EmbeddingBenchmark.Options(products, 200, catalogue, shoppers, days, 2_000),
                    msg -> System.err.println("bench embeddings: " + msg)).run();
            return emit(report, json);
        }
    }

    /** {@code aisle bench relevance}. */
    @Command(name = "relevance", mixinStandardHelpOptions = true,
            description = {"Search relevance on the CrowdFlower search-results data (10,158 judged",
                    "query-product pairs): the learned re-ranker beside BM25 and vector similarity,",
                    "as quadratic weighted kappa of predicted grades and nDCG@10 within each",
                    "query's judged pool, by 10-fold cross-validation on the data's own folds."})
    static final class Relevance implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "Dataset directory holding train.csv (with cv_fold), or the file")
        Path data;
        @Option(names = "--cache", description = "Directory for cached sentence vectors (default: ~/.cache/aisle/bench)")
        Path cache;
        @Option(names = "--threads", description = "Folds evaluated at once (default: one per core)")
        Integer threads;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            RelevanceBenchmark.Options options = RelevanceBenchmark.Options.of(data);
            if (cache != null) options = options.withCache(cache);
            if (threads != null) options = options.withThreads(threads);
            BenchReport report = new RelevanceBenchmark(options, msg -> System.err.println("bench relevance: " + msg)).run();
            int code = emit(report, json);
            System.out.println(RelevanceBenchmark.NOTE);
            return code;
        }
    }

    /** {@code aisle bench assistant}. */
    @Command(name = "assistant", mixinStandardHelpOptions = true,
            description = {"The shopping assistant on multi-turn dialogues generated from the demo catalogue, with",
                    "known answers: constraint satisfaction, hallucinations, entity and intent accuracy, latency",
                    "of the built-in (offline) backend."})
    static final class Assistant implements Callable<Integer> {
        @Option(names = "--products", description = "Catalogue size (default: ${DEFAULT-VALUE}, the demo's)", defaultValue = "2000")
        int products;
        @Option(names = "--dialogues", description = "Dialogues to run (default: ${DEFAULT-VALUE})", defaultValue = "300")
        int dialogues;
        @Option(names = "--seed", description = "Seed of the catalogue and dialogues (default: ${DEFAULT-VALUE})", defaultValue = "42")
        long seed;
        @Option(names = "--verbose", description = "Print every turn that missed its known answer")
        boolean verbose;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            var options = new io.aisle.bench.assistant.AssistantBenchmark.Options(products, dialogues, seed, verbose);
            BenchReport report = new io.aisle.bench.assistant.AssistantBenchmark(options,
                    msg -> System.err.println("bench assistant: " + msg)).run();
            return emit(report, json);
        }
    }

    /** The default folder for cached product vectors of benchmark catalogues. */
    static Path defaultCache() { return Path.of(System.getProperty("user.home"), ".cache", "aisle", "bench"); }

    /** {@code aisle bench recs}. */
    @Command(name = "recs", mixinStandardHelpOptions = true,
            description = {"Next-item recommendation, leave-one-out with full ranking over all items: popularity,",
                    "item-kNN, EASE and transition baselines tuned on validation, and Aisle's learned ranker over",
                    "its sources, all in one run. Data: one user per line, items in time order (or user item per line)."})
    static final class Recs implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "Dataset folder (its sequence .txt, optional *item2attributes.json) or the file")
        Path data;
        @Option(names = "--ease-max-items", description = "Leave EASE out above this many items (dense n² inverse; default: ${DEFAULT-VALUE})", defaultValue = "16000")
        int easeMaxItems;
        @Option(names = "--no-neural", description = "Leave the two-tower model (and the cold-item split) out")
        boolean noNeural;
        @Option(names = "--sasrec", description = "Add SASRec to the ranker's sources (about five more minutes)")
        boolean sasrec;
        @Option(names = "--seed", description = "Seed of models and the ranker (default: ${DEFAULT-VALUE})", defaultValue = "42")
        long seed;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            RecsBenchmark.Options options = new RecsBenchmark.Options(data, easeMaxItems, !noNeural, sasrec, seed);
            return emit(new RecsBenchmark(options, msg -> System.err.println("bench recs: " + msg)).run(), json);
        }
    }

    /** {@code aisle bench pricing}. */
    @Command(name = "pricing", mixinStandardHelpOptions = true,
            description = {"Pricing on Dominick's orange juice: per-brand elasticities with intervals, a last-weeks holdout",
                    "against a no-price-effect model, and a learn-while-pricing simulation against an oracle, keep-price",
                    "and +/-5% test-and-learn, with and without a mid-run drift."})
    static final class Pricing implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "The dominicks-oj folder (orangeJuice_yx.csv) or the file")
        Path data;
        @Option(names = "--products", description = "Simulated products (default: ${DEFAULT-VALUE})", defaultValue = "300")
        int products;
        @Option(names = "--holdout-weeks", description = "Last weeks held out of the fit (default: ${DEFAULT-VALUE})", defaultValue = "20")
        int holdoutWeeks;
        @Option(names = "--seed", description = "Seed of the simulation (default: ${DEFAULT-VALUE})", defaultValue = "42")
        long seed;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            PricingBenchmark.Options options = new PricingBenchmark.Options(data, products, holdoutWeeks, seed);
            return emit(new PricingBenchmark(options, msg -> System.err.println("bench pricing: " + msg)).run(), json);
        }
    }

    /** {@code aisle bench search}. */
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Search quality on the Chorus electronics benchmark: graded nDCG@10, condensed nDCG@10,",
                    "judged@10 and recall@100 for plain BM25, vector-only and Aisle (with and without its learned",
                    "re-ranker, trained k-fold over queries), all in one run. The first run embeds the catalogue",
                    "(minutes); later runs reuse the cached vectors."})
    static final class Search implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "The chorus-electronics folder (products/, judgments_dev.csv)")
        Path data;
        @Option(names = "--cache", description = "Directory for cached product vectors (default: ~/.cache/aisle/bench)")
        Path cache;
        @Option(names = "--folds", description = "Folds over queries for the re-ranker (default: ${DEFAULT-VALUE})", defaultValue = "5")
        int folds;
        @Option(names = "--seed", description = "Seed of the fold split and the trees (default: ${DEFAULT-VALUE})", defaultValue = "42")
        long seed;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            SearchBenchmark.Options options = new SearchBenchmark.Options(data, cache == null ? defaultCache() : cache, folds, seed);
            return emit(new SearchBenchmark(options, msg -> System.err.println("bench search: " + msg)).run(), json);
        }
    }

    /** {@code aisle bench search-latency}. */
    @Command(name = "search-latency", mixinStandardHelpOptions = true,
            description = {"Search latency on a synthetic catalogue with the simulated shoppers' own queries, one at a",
                    "time, query embedding included: p50/p95/p99 for lexical, hybrid and vector-only search.",
                    "The first run embeds the catalogue (about 15 minutes for 100,000 products on 2 cores); later",
                    "runs reuse the cached vectors."})
    static final class SearchLatency implements Callable<Integer> {
        @Option(names = "--products", description = "Catalogue size (default: ${DEFAULT-VALUE})", defaultValue = "100000")
        int products;
        @Option(names = "--queries", description = "Measured queries per mode (default: ${DEFAULT-VALUE})", defaultValue = "2000")
        int queries;
        @Option(names = "--warmup", description = {"Warm-up queries per mode, other than the measured ones, so the JIT compiler",
                "has compiled the search path before timing starts (default: ${DEFAULT-VALUE})"}, defaultValue = "2000")
        int warmup;
        @Option(names = "--cache", description = "Directory for cached product vectors (default: ~/.cache/aisle/bench)")
        Path cache;
        @Option(names = "--seed", description = "Catalogue and shopper seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
        long seed;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            SearchLatencyBenchmark.Options options = new SearchLatencyBenchmark.Options(products, queries, warmup,
                    cache == null ? defaultCache() : cache, seed);
            return emit(new SearchLatencyBenchmark(options, msg -> System.err.println("bench search-latency: " + msg)).run(), json);
        }
    }

    /** {@code aisle bench recs-load}. */
    @Command(name = "recs-load", mixinStandardHelpOptions = true,
            description = {"Recommendation serving under load: builds (once, then reuses) a simulated store, starts the",
                    "server on it and runs wrk (Debian package 'wrk') on loopback with a Lua script spreading requests",
                    "over every shopper or precomputed product: throughput and p50/p90/p99 for the home feed from",
                    "precomputed lists, similar items from precomputed lists, and the home feed in real time",
                    "(fresh=true, caches bypassed)."})
    static final class RecsLoad implements Callable<Integer> {
        @Option(names = "--products", description = "Catalogue size (default: ${DEFAULT-VALUE})", defaultValue = "100000")
        int products;
        @Option(names = "--shoppers", description = "Simulated shoppers (default: ${DEFAULT-VALUE})", defaultValue = "100000")
        int shoppers;
        @Option(names = "--days", description = "Simulated days of history (default: ${DEFAULT-VALUE})", defaultValue = "14")
        int days;
        @Option(names = "--duration", description = "Measured seconds per scenario (default: ${DEFAULT-VALUE})", defaultValue = "60")
        int duration;
        @Option(names = "--warmup", description = "Warm-up seconds per scenario, not measured (default: ${DEFAULT-VALUE})", defaultValue = "10")
        int warmup;
        @Option(names = "--threads", description = "wrk threads (default: ${DEFAULT-VALUE})", defaultValue = "2")
        int threads;
        @Option(names = "--connections", description = "Connections for the precomputed scenarios (default: ${DEFAULT-VALUE})", defaultValue = "32")
        int connections;
        @Option(names = "--realtime-connections", description = "Connections for the real-time scenario (default: ${DEFAULT-VALUE})", defaultValue = "8")
        int realtimeConnections;
        @Option(names = "--target-rate", description = "Also run the precomputed scenarios at this offered rate, req/s (default: ${DEFAULT-VALUE}; 0 skips)", defaultValue = "2000")
        int targetRate;
        @Option(names = "--realtime-target-rate", description = "Also run the real-time scenario at this offered rate, req/s (default: ${DEFAULT-VALUE}; 0 skips)", defaultValue = "500")
        int realtimeTargetRate;
        @Option(names = "--store", description = "Folder for the simulated stores (default: ~/.cache/aisle/bench)")
        Path store;
        @Option(names = "--seed", description = "Catalogue and shopper seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
        long seed;
        @Option(names = "--wrk", description = "The wrk binary (default: ${DEFAULT-VALUE})", defaultValue = "wrk")
        String wrk;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() throws Exception {
            RecsLoadBenchmark.Options options = new RecsLoadBenchmark.Options(products, shoppers, days, duration, warmup, threads,
                    connections, realtimeConnections, targetRate, realtimeTargetRate, store == null ? defaultCache() : store, seed, wrk);
            return emit(new RecsLoadBenchmark(options, msg -> System.err.println("bench recs-load: " + msg)).run(), json);
        }
    }

    /** {@code aisle bench images}. */
    @Command(name = "images", mixinStandardHelpOptions = true,
            description = {"The image pipeline on white-background product photos (images_index.csv + JPEGs): mask",
                    "coverage and confidence, exact product preservation, QC verdicts and time per image for the main",
                    "image on white (1:1), a studio scene (4:5) and a room scene (16:9) from the built-in compositor."})
    static final class Images implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "The product-images folder (images_index.csv and the photos)")
        Path data;
        @Option(names = "--long-side", description = "Photos are scaled to this many px on the long side (default: ${DEFAULT-VALUE})", defaultValue = "1080")
        int longSide;
        @Option(names = "--warmup", description = "Unmeasured rounds over all photos (default: ${DEFAULT-VALUE})", defaultValue = "2")
        int warmup;
        @Option(names = "--rounds", description = "Measured rounds; the median per photo is reported (default: ${DEFAULT-VALUE})", defaultValue = "3")
        int rounds;
        @Option(names = "--out", description = "Also write every mask and output here, to look at")
        Path out;
        @Option(names = "--seed", description = "Scene seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
        long seed;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            if (longSide < 64 || longSide > 8000) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--long-side must be 64..8000");
            if (warmup < 0 || rounds < 1) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--warmup must be >= 0 and --rounds >= 1");
            ImagesBenchmark bench = new ImagesBenchmark(new ImagesBenchmark.Options(data, longSide, warmup, rounds, out, seed),
                    msg -> System.err.println("bench images: " + msg));
            BenchReport report = bench.run();
            bench.printRows(System.out);
            return emit(report, json);
        }
    }

    /** {@code aisle bench content}. */
    @Command(name = "content", mixinStandardHelpOptions = true,
            description = {"Generated product descriptions on the Magento Luma catalogue (191 products with",
                    "human copy): grounding violations by an independent checker, attribute coverage,",
                    "near-duplicate rate and throughput for the human copy and the built-in pipeline,",
                    "and the discriminator's held-out AUC on simulated engagement vs length alone."})
    static final class Content implements Callable<Integer> {
        @Option(names = "--catalogue", required = true, description = "Directory holding luma_products_flat.jsonl, or the file")
        Path catalogue;
        @Option(names = "--shoppers", description = "Simulated shoppers per product (default: ${DEFAULT-VALUE})", defaultValue = "1500")
        int shoppers;
        @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
        long seed;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            BenchReport report = new ContentBenchmark(catalogue, shoppers, seed, msg -> System.err.println("bench content: " + msg)).run();
            int code = emit(report, json);
            System.out.println(ContentBenchmark.NOTE);
            return code;
        }
    }

    /** {@code aisle bench forecast}. */
    @Command(name = "forecast", mixinStandardHelpOptions = true,
            description = {"Weekly demand forecasts on Dominick's orange juice (913 store x brand series), three rolling",
                    "origins of 12 weeks with known prices and promotions: naive, seasonal-naive, pooled regression,",
                    "R's ets / auto.arima / auto.arima with regressors (when Rscript is installed) and Aisle."})
    static final class Forecast implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "The dominicks-oj folder (orangeJuice_yx.csv) or the file")
        Path data;
        @Option(names = "--no-r", description = "Leave R's baselines out")
        boolean noR;
        @Option(names = "--windows", description = "Score only the first N of the three origins, for a quick look (default: ${DEFAULT-VALUE})", defaultValue = "3")
        int windows;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            long t0 = System.nanoTime();
            var options = new ForecastBenchmark.Options(data, !noR, io.aisle.forecast.ForecastConfig.defaults().withPaths(0), windows);
            BenchReport report = ForecastBenchmark.run(options, System.err);
            System.err.printf("bench forecast: %.1f s in all%n", (System.nanoTime() - t0) / 1e9);
            return emit(report, json);
        }
    }

    /** {@code aisle bench inventory}. */
    @Command(name = "inventory", mixinStandardHelpOptions = true,
            description = {"Replays the orange-juice test weeks with weekly review and a 1-3 week lead time: Aisle's",
                    "forecast-quantile policy against a moving-average order-up-to rule, stock-outs at equal or lower holding."})
    static final class Inventory implements Callable<Integer> {
        @Option(names = "--data", required = true, description = "The dominicks-oj folder (orangeJuice_yx.csv) or the file")
        Path data;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() {
            return emit(InventoryBenchmark.run(data, System.err), json);
        }
    }
}
