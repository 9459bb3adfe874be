package io.aisle.bench;

import io.aisle.bench.relevance.CrowdflowerCsv;
import io.aisle.bench.relevance.JudgedPair;
import io.aisle.bench.relevance.PoolFeatures;
import io.aisle.bench.relevance.RelevanceEvaluation;
import io.aisle.bench.relevance.VectorCache;
import io.aisle.core.port.Embedder;
import io.aisle.core.validation.ValidationException;
import io.aisle.embeddings.text.MiniLmEmbedder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Search relevance on the CrowdFlower "Search Results Relevance" data (Kaggle 2015: 10,158 judged query-product
 * pairs, 261 queries, grades 1-4, ten cross-validation folds): the learned re-ranker over the engine's
 * {@link io.aisle.search.rank.RankFeatures} beside BM25 and vector similarity, as quadratic weighted kappa of
 * predicted grades and nDCG@10 within each query's judged pool, by 10-fold cross-validation on the data's folds
 * (see {@link RelevanceEvaluation}). Sentence vectors are cached under {@code --cache}, so only the first run embeds.
 * Run with {@code aisle bench relevance --data ../shared/data/crowdflower-search [--cache DIR] [--json FILE]}.
 */
public final class RelevanceBenchmark {
    public static final String DATASET = "crowdflower-search";

    /**
     * @param data       the dataset directory (holding train.csv) or the CSV file itself
     * @param cache      directory for cached sentence vectors
     * @param innerFolds folds of the inner cross-validation that tunes the re-ranker
     * @param threads    outer folds evaluated at once (each trains single-threaded, so results do not depend on it)
     */
    public record Options(Path data, Path cache, int innerFolds, int threads) {
        public Options {
            if (data == null) throw new ValidationException("--data", "is required");
            if (cache == null) throw new ValidationException("--cache", "is required");
            if (innerFolds < 2) throw new ValidationException("innerFolds", "must be at least 2, got " + innerFolds);
            if (threads < 1) throw new ValidationException("--threads", "must be at least 1, got " + threads);
        }

        public static Options of(Path data) {
            return new Options(data, defaultCache(), 3, Runtime.getRuntime().availableProcessors());
        }

        public Options withCache(Path dir) { return new Options(data, dir, innerFolds, threads); }

        public Options withThreads(int n) { return new Options(data, cache, innerFolds, n); }

        /** {@code ~/.cache/aisle/bench}. */
        public static Path defaultCache() { return Path.of(System.getProperty("user.home"), ".cache", "aisle", "bench"); }
    }

    /** What the figures mean; printed under the table. */
    public static final String NOTE = RelevanceEvaluation.NOTE;

    private final Options options;
    private final Supplier<Embedder> embedder;
    private final Consumer<String> progress;

    /** Benchmarks with the engine's sentence encoder. */
    public RelevanceBenchmark(Options options, Consumer<String> progress) {
        this(options, MiniLmEmbedder::new, progress);
    }

    /** Benchmarks with another encoder (tests use a fast fake); it is created only once the data has been read. */
    public RelevanceBenchmark(Options options, Supplier<Embedder> embedder, Consumer<String> progress) {
        this.options = options;
        this.embedder = embedder;
        this.progress = progress;
    }

    public BenchReport run() {
        Path csv = Files.isDirectory(options.data()) ? options.data().resolve("train.csv") : options.data();
        long t0 = System.nanoTime();
        List<JudgedPair> rows = CrowdflowerCsv.read(csv);
        progress.accept("read " + rows.size() + " judged pairs, "
                + rows.stream().map(JudgedPair::query).distinct().count() + " queries from " + csv);
        VectorCache vectors = new VectorCache(embedder.get(), options.cache(), progress);
        PoolFeatures.Result features = PoolFeatures.compute(rows, vectors, progress);
        progress.accept(String.format("features ready after %.1f s", (System.nanoTime() - t0) / 1e9));
        BenchReport report = new RelevanceEvaluation(rows, features, options.innerFolds(), options.threads(), progress).run(DATASET);
        progress.accept(String.format("done after %.1f s wall, %.1f s CPU", (System.nanoTime() - t0) / 1e9, cpuSeconds()));
        return report;
    }

    /** CPU seconds of this process so far: on a shared machine wall time stretches with other load, CPU time much less. */
    private static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** Runs from the command line: {@code --data PATH [--cache DIR] [--threads N] [--json FILE]}. */
    public static void main(String[] args) {
        Path data = null;
        Path cache = Options.defaultCache();
        Path json = null;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
            String v = args[i + 1];
            switch (args[i]) {
                case "--data" -> data = Path.of(v);
                case "--cache" -> cache = Path.of(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--json" -> json = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        BenchReport report = new RelevanceBenchmark(new Options(data, cache, 3, threads),
                msg -> System.err.println("bench relevance: " + msg)).run();
        report.print(System.out);
        System.out.println(NOTE);
        if (json != null) report.writeJson(json);
        System.exit(0); // the encoder's executor threads expire on their own; do not wait for them
    }
}
