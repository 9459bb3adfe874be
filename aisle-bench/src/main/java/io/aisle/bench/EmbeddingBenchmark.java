package io.aisle.bench;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.embeddings.behaviour.AlsParams;
import io.aisle.embeddings.behaviour.BehaviourModel;
import io.aisle.embeddings.behaviour.BehaviourTrainer;
import io.aisle.embeddings.behaviour.HoldOutEvaluation;
import io.aisle.embeddings.content.ContentRefresh;
import io.aisle.embeddings.content.ContentVectors;
import io.aisle.embeddings.text.MiniLmEmbedder;
import io.aisle.embeddings.text.ProductText;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Embeddings on simulated data: content embedding throughput (products/s through {@link ContentVectors}, text
 * building and hashing included, after a warm-up; per wall second and per CPU second of the process), behaviour-vector
 * training time on the whole event stream (wall and CPU), fold-in
 * time for the last tenth of it, and leave-last-out HR@10 / NDCG@10 of behaviour vectors beside popularity computed in
 * the same run (see {@link HoldOutEvaluation}).
 * Run with {@code java --enable-native-access=ALL-UNNAMED -cp ... io.aisle.bench.EmbeddingBenchmark [--products 2000]
 * [--warmup 200] [--catalogue 50000] [--shoppers 10000] [--days 36] [--eval-shoppers 2000] [--json FILE]}; the
 * defaults give about 1M events from 10,000 shoppers over a 50,000-product catalogue and need about 3 GB of heap.
 */
public final class EmbeddingBenchmark {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    /** What to run: content products embedded and warm-up, simulated catalogue, shoppers and days, evaluated shoppers. */
    public record Options(int products, int warmup, int catalogue, int shoppers, int days, int evalShoppers) {
        public Options {
            if (products < 1) throw new IllegalArgumentException("--products must be at least 1");
            if (warmup < 0) throw new IllegalArgumentException("--warmup must not be negative");
            if (catalogue < products + warmup) throw new IllegalArgumentException("--catalogue must hold --products plus --warmup");
            if (shoppers < 1) throw new IllegalArgumentException("--shoppers must be at least 1");
            if (days < 1 || days > 3660) throw new IllegalArgumentException("--days must be 1..3660");
            if (evalShoppers < 1) throw new IllegalArgumentException("--eval-shoppers must be at least 1");
        }

        public static Options defaults() { return new Options(2_000, 200, 50_000, 10_000, 36, 2_000); }
    }

    private final Options options;
    private final Consumer<String> progress;

    public EmbeddingBenchmark(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() {
        BenchReport report = new BenchReport("embeddings", "simulated-" + options.catalogue() + "x" + options.shoppers());
        content(report);
        behaviour(report);
        return report;
    }

    /** Only the content part: sentence-encoder throughput through the content-vector pipeline. */
    public BenchReport runContent() {
        BenchReport report = new BenchReport("embeddings", "simulated-" + options.catalogue());
        content(report);
        return report;
    }

    private void content(BenchReport report) {
        progress.accept("loading all-MiniLM-L6-v2 (quantised)");
        long t0 = System.nanoTime();
        MiniLmEmbedder encoder = new MiniLmEmbedder();
        encoder.embed("warm the session up");
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        CatalogGenerator generator = new CatalogGenerator(CatalogConfig.of(42, options.catalogue()));
        ContentVectors vectors = new ContentVectors(encoder, ProductText.defaults());
        List<LoggedChange> warm = changes(generator, 0, options.warmup());
        List<LoggedChange> measured = changes(generator, options.warmup(), options.warmup() + options.products());
        progress.accept("warming up on " + warm.size() + " products");
        vectors.apply(warm);
        progress.accept("embedding " + measured.size() + " products");
        double cpu0 = cpuSeconds();
        ContentRefresh r = vectors.apply(measured);
        double cpu = cpuSeconds() - cpu0;
        double chars = measured.stream().mapToInt(c -> ProductText.defaults().of(((CatalogChange.Upsert) c.change()).product()).length()).average().orElse(0);
        // The encoder alone on the same texts: what the pipeline's own overhead is measured against.
        List<String> texts = measured.stream().map(c -> ProductText.defaults().of(((CatalogChange.Upsert) c.change()).product())).toList();
        long e0 = System.nanoTime();
        encoder.embedAll(texts);
        double encoderPerSecond = texts.size() / ((System.nanoTime() - e0) / 1e9);
        report.put("aisle", "embeddings_per_s", r.embedded() / r.seconds())
                .put("aisle", "encoder_only_per_s", encoderPerSecond)
                .put("aisle", "embeddings_per_cpu_s", r.embedded() / cpu)
                .put("aisle", "encoder_load_s", loadSeconds)
                .put("aisle", "text_chars", chars);
    }

    private static List<LoggedChange> changes(CatalogGenerator generator, int from, int to) {
        List<LoggedChange> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            Product p = generator.product(i);
            out.add(new LoggedChange(i + 1, START, new CatalogChange.Upsert(p)));
        }
        return out;
    }

    private void behaviour(BenchReport report) {
        progress.accept("simulating " + options.shoppers() + " shoppers over " + options.days() + " days on "
                + options.catalogue() + " products");
        CatalogView view = CatalogView.of(new CatalogGenerator(CatalogConfig.of(42, options.catalogue())));
        Instant end = START.plus(Duration.ofDays(options.days()));
        List<ShopperEvent> events = new ShopperSimulator(SimulationConfig.of(7, options.shoppers(), START, end), view).events().toList();
        SignalWeights weights = SignalWeights.defaults();
        AlsParams params = AlsParams.defaults();
        BehaviourTrainer trainer = new BehaviourTrainer(params, weights);

        progress.accept("training behaviour vectors on " + events.size() + " events");
        double cpu0 = cpuSeconds();
        BehaviourModel model = trainer.train(events, null);
        report.put("aisle", "train_s", model.info().trainSeconds())
                .put("aisle", "train_cpu_s", cpuSeconds() - cpu0)
                .put("aisle", "events", events.size())
                .put("aisle", "signal_events", model.info().eventsUsed())
                .put("aisle", "shoppers", model.info().shoppers())
                .put("aisle", "items", model.size())
                .put("aisle", "factors", params.factors())
                .put("aisle", "iterations", params.iterations());

        Instant split = START.plus(Duration.ofSeconds(Duration.between(START, end).toSeconds() * 9 / 10));
        BehaviourModel early = trainer.train(events, split);
        progress.accept("folding in the events after " + split);
        long t0 = System.nanoTime();
        BehaviourModel folded = trainer.foldIn(early, events.stream().filter(e -> !e.timestamp().isBefore(split)).toList());
        report.put("aisle", "fold_in_s", (System.nanoTime() - t0) / 1e9)
                .put("aisle", "fold_in_items", folded.info().foldedInItems());

        progress.accept("hold-out evaluation on " + options.evalShoppers() + " shoppers");
        HoldOutEvaluation.Result r = new HoldOutEvaluation(trainer, weights, 10, options.evalShoppers(), 3).run(events::stream);
        report.put("aisle", "hr@10", r.hitRate()).put("aisle", "ndcg@10", r.ndcg())
                .put("popularity", "hr@10", r.popularityHitRate()).put("popularity", "ndcg@10", r.popularityNdcg());
    }

    /**
     * CPU seconds used by this process so far, all threads and native code included: on a shared machine wall time
     * stretches with other load, CPU time much less, so both are reported.
     */
    private static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** Runs from the command line: {@code --name value} pairs as in the class comment. */
    public static void main(String[] args) {
        Options d = Options.defaults();
        int products = d.products(), warmup = d.warmup(), catalogue = d.catalogue(), shoppers = d.shoppers(),
                days = d.days(), eval = d.evalShoppers();
        Path json = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
            String v = args[i + 1];
            switch (args[i]) {
                case "--products" -> products = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--catalogue" -> catalogue = Integer.parseInt(v);
                case "--shoppers" -> shoppers = Integer.parseInt(v);
                case "--days" -> days = Integer.parseInt(v);
                case "--eval-shoppers" -> eval = Integer.parseInt(v);
                case "--json" -> json = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        BenchReport report = new EmbeddingBenchmark(new Options(products, warmup, catalogue, shoppers, days, eval),
                msg -> System.err.println("bench embeddings: " + msg)).run();
        report.print(System.out);
        if (json != null) report.writeJson(json);
        System.exit(0); // the encoder's executor threads expire on their own; do not wait for them
    }
}
