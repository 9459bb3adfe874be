package io.aisle.bench;

import io.aisle.core.catalog.Product;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.replay.Projection;
import io.aisle.core.replay.ProjectionRunner;
import io.aisle.features.feature.FeatureCatalog;
import io.aisle.features.feature.FeaturePipeline;
import io.aisle.features.feature.ItemCatalog;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;
import io.aisle.store.embedded.EmbeddedStorage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The feature pipeline on simulated shoppers: events/s through the pipeline (one thread, events generated
 * beforehand in chunks so generation is not timed), entity lookup latency from the in-process store once loaded,
 * the heap its state takes, and the time to rebuild it by replaying an embedded (SQLite) event log.
 * Run with {@code aisle bench features [--events 1000000] [--products 50000] [--shoppers 100000] [--seed 42]}, or
 * directly: {@code java -Xmx6g -cp <aisle-bench classpath> io.aisle.bench.FeatureBenchmark --events 1000000}.
 */
public final class FeatureBenchmark {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");
    private static final int CHUNK = 250_000;
    private static final int APPEND_BATCH = 5_000;

    /**
     * What to run.
     *
     * @param events   events taken from the start of a year-long simulation
     * @param lookups  measured lookups (after as many warm-up ones), half items, half shoppers
     * @param rebuild  whether to fill an embedded event log and time a full replay
     */
    public record Options(long events, int products, int shoppers, long seed, int lookups, boolean rebuild) {
        public Options {
            if (events < 1) throw new IllegalArgumentException("--events must be at least 1");
            if (products < 1 || products > CatalogConfig.MAX_SIZE) throw new IllegalArgumentException("--products must be 1.." + CatalogConfig.MAX_SIZE);
            if (shoppers < 1) throw new IllegalArgumentException("--shoppers must be at least 1");
            if (lookups < 1) throw new IllegalArgumentException("--lookups must be at least 1");
        }

        public static Options defaults() { return new Options(1_000_000, 50_000, 100_000, 42, 200_000, true); }
    }

    private final Options options;
    private final Consumer<String> progress;

    public FeatureBenchmark(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws IOException {
        progress.accept("generating " + options.products() + " products");
        List<Product> products = new CatalogGenerator(CatalogConfig.of(options.seed(), options.products())).products().toList();
        ItemCatalog items = ItemCatalog.of(products);
        CatalogView view = CatalogView.of(products);
        SimulationConfig simulation = SimulationConfig.of(options.seed() + 1, options.shoppers(), START, END);

        long heapBefore = usedHeap();
        FeaturePipeline pipeline = new FeaturePipeline(FeatureCatalog.standard(), items, SignalWeights.defaults());
        List<String> actorSample = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(options.seed());
        long applied = 0, nanos = 0, cpuNanos = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Instant last = START;
        Iterator<ShopperEvent> source = new ShopperSimulator(simulation, view).iterator();
        while (applied < options.events() && source.hasNext()) {
            List<LoggedEvent> chunk = next(source, (int) Math.min(CHUNK, options.events() - applied), applied);
            for (int i = 0; i < chunk.size(); i += 97) sample(actorSample, chunk.get(i).event().actor().key(), random);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            pipeline.applyAll(chunk);
            long took = System.nanoTime() - t0;
            cpuNanos += threads.getCurrentThreadCpuTime() - c0;
            nanos += took;
            applied += chunk.size();
            last = chunk.getLast().event().timestamp();
            progress.accept(String.format("applied %,d events (%,.0f/s this chunk), simulated time %s", applied, chunk.size() / (took / 1e9), last));
        }
        double eventsPerSecond = applied / (nanos / 1e9);
        long stateBytes = usedHeap() - heapBefore;
        FeaturePipeline.Stats stats = pipeline.stats();
        progress.accept(String.format("state: %,d items, %,d shoppers, %,d shopper categories, %,d shopper brands, heap %.0f MiB",
                stats.items(), stats.shoppers(), stats.shopperCategories(), stats.shopperBrands(), stateBytes / 1048576.0));

        LatencyRecorder latencies = lookups(pipeline, products, actorSample, random);

        BenchReport report = new BenchReport("features", String.format("simulated: %,d events, %,d products, %,d shoppers, seed %d, %s to %s",
                applied, options.products(), options.shoppers(), options.seed(), START, last))
                .put("aisle", "events", applied)
                .put("aisle", "events_per_s", eventsPerSecond)
                // CPU time of the applying thread: steadier than wall time on a shared machine.
                .put("aisle", "events_per_cpu_s", applied / (cpuNanos / 1e9))
                .put("aisle", "lookup_p50_ms", latencies.percentileMs(0.50))
                .put("aisle", "lookup_p99_ms", latencies.percentileMs(0.99))
                .put("aisle", "lookup_max_ms", latencies.percentileMs(1.0))
                .put("aisle", "items", stats.items())
                .put("aisle", "shoppers", stats.shoppers())
                .put("aisle", "state_heap_mb", stateBytes / 1048576.0)
                .put("aisle", "item_state_bytes", (double) stats.itemBytes() / Math.max(1, stats.items()))
                .put("aisle", "shopper_state_bytes", (double) stats.shopperBytes() / Math.max(1, stats.shoppers()));
        if (options.rebuild()) rebuild(pipeline, simulation, view, applied, report);
        return report;
    }

    /** Reservoir of actor keys seen, for lookups of shoppers that exist. */
    private static void sample(List<String> keys, String key, SplittableRandom random) {
        if (keys.size() < 100_000) keys.add(key);
        else keys.set(random.nextInt(keys.size()), key);
    }

    private LatencyRecorder lookups(FeaturePipeline pipeline, List<Product> products, List<String> actors, SplittableRandom random) {
        progress.accept("timing " + options.lookups() + " lookups after " + options.lookups() + " warm-up ones");
        LatencyRecorder recorder = new LatencyRecorder(options.lookups());
        double sink = 0;
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < options.lookups(); i++) {
                EntityRef ref = i % 2 == 0 || actors.isEmpty()
                        ? EntityRef.item(products.get(random.nextInt(products.size())).id())
                        : EntityRef.shopper(actors.get(random.nextInt(actors.size())));
                long t0 = System.nanoTime();
                sink += pipeline.get(ref).values().size();
                long took = System.nanoTime() - t0;
                if (round == 1) recorder.record(took);
            }
        }
        if (sink < 0) throw new IllegalStateException(); // keeps the reads from being optimised away
        return recorder;
    }

    private void rebuild(FeaturePipeline pipeline, SimulationConfig simulation, CatalogView view, long events, BenchReport report) throws IOException {
        Path dir = Files.createTempDirectory("aisle-bench-features");
        try (EmbeddedStorage storage = EmbeddedStorage.open(dir)) {
            progress.accept(String.format("filling an embedded event log with %,d events", events));
            Iterator<ShopperEvent> source = new ShopperSimulator(simulation, view).iterator();
            long t0 = System.nanoTime();
            List<ShopperEvent> batch = new ArrayList<>(APPEND_BATCH);
            for (long n = 0; n < events && source.hasNext(); n++) {
                batch.add(source.next());
                if (batch.size() == APPEND_BATCH) {
                    storage.events().append(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) storage.events().append(batch);
            double fill = (System.nanoTime() - t0) / 1e9;
            ProjectionRunner runner = new ProjectionRunner(storage.events(), ProjectionRunner.DEFAULT_PAGE);
            progress.accept(String.format("log filled in %.1f s; reading it back alone, to separate the log's share of the rebuild", fill));
            long q0 = System.nanoTime();
            runner.rebuild(List.of(new Discard()));
            double readOnly = (System.nanoTime() - q0) / 1e9;
            progress.accept(String.format("log read in %.1f s; replaying it into a reset pipeline", readOnly));
            pipeline.reset();
            long r0 = System.nanoTime();
            runner.rebuild(List.of(pipeline));
            double seconds = (System.nanoTime() - r0) / 1e9;
            report.put("aisle", "rebuild_s", seconds).put("aisle", "rebuild_events_per_s", events / seconds)
                    .put("aisle", "log_read_s", readOnly).put("aisle", "log_fill_s", fill);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A projection that keeps nothing: replaying into it times the log alone. */
    private static final class Discard implements Projection {
        @Override public String name() { return "discard"; }

        @Override public void apply(LoggedEvent event) {}

        @Override public void reset() {}

        @Override public void forget(Set<String> actorKeys) {}
    }

    private static List<LoggedEvent> next(Iterator<ShopperEvent> source, int max, long offset) {
        List<LoggedEvent> chunk = new ArrayList<>(max);
        while (chunk.size() < max && source.hasNext()) {
            ShopperEvent e = source.next();
            chunk.add(new LoggedEvent(offset + chunk.size() + 1, e.timestamp(), e));
        }
        return chunk;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc(); // a benchmark, not a server: settle the heap before reading it
        return rt.totalMemory() - rt.freeMemory();
    }

    /** {@code --events N --products N --shoppers N --seed N --lookups N --no-rebuild --json FILE}. */
    public static void main(String[] args) throws IOException {
        Options d = Options.defaults();
        long events = d.events(), seed = d.seed();
        int products = d.products(), shoppers = d.shoppers(), lookups = d.lookups();
        boolean rebuild = true;
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
                case "--products" -> products = Integer.parseInt(args[++i].replace("_", ""));
                case "--shoppers" -> shoppers = Integer.parseInt(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--lookups" -> lookups = Integer.parseInt(args[++i].replace("_", ""));
                case "--no-rebuild" -> rebuild = false;
                case "--json" -> json = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        BenchReport report = new FeatureBenchmark(new Options(events, products, shoppers, seed, lookups, rebuild), System.err::println).run();
        report.print(System.out);
        if (json != null) report.writeJson(json);
    }
}
