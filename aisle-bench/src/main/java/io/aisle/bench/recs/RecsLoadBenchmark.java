package io.aisle.bench.recs;

import io.aisle.bench.BenchReport;
import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.ShopperEvent;
import io.aisle.server.AisleServer;
import io.aisle.server.ServerConfig;
import io.aisle.server.derived.Personalization;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;
import io.aisle.store.embedded.EmbeddedStorage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Recommendation serving under load: a simulated store (100,000 products and 100,000 shoppers by default, kept
 * between runs), the server started on it in process, and {@code wrk} as a separate process on loopback, spreading
 * requests over every simulated shopper or over the precomputed products with a Lua script. Three scenarios, each a
 * warm-up then a measured run: the home feed served from precomputed lists, similar items from precomputed lists,
 * and the home feed computed in real time ({@code fresh=true}: no cached or precomputed list); each first as fast as
 * wrk drives it (closed loop: on a saturated machine latency is mostly queueing), then at a target rate (rows
 * {@code <scenario>@<rate>}: requests leave on a Poisson schedule of that rate, whatever the responses take, so the
 * offered rate holds unless every connection is waiting).
 * Run with {@code aisle bench recs-load [--duration 60] [--products N] [--shoppers N] [--json FILE]}.
 */
public final class RecsLoadBenchmark {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final String PUBLIC_KEY = "pk_bench_public_key_01";
    private static final int CHUNK = 5_000;

    /**
     * What to run.
     *
     * @param connections         concurrent connections for the precomputed scenarios
     * @param realtimeConnections concurrent connections for the real-time scenario
     * @param store               folder holding the simulated stores, one per size and seed
     */
    public record Options(int products, int shoppers, int days, int durationSeconds, int warmupSeconds, int threads,
                          int connections, int realtimeConnections, int targetRate, int realtimeTargetRate, Path store,
                          long seed, String wrk) {
        public Options {
            if (products < 100 || products > CatalogConfig.MAX_SIZE) throw new IllegalArgumentException("--products must be 100.." + CatalogConfig.MAX_SIZE);
            if (shoppers < 10) throw new IllegalArgumentException("--shoppers must be at least 10");
            if (days < 1 || days > 365) throw new IllegalArgumentException("--days must be 1..365");
            if (durationSeconds < 1) throw new IllegalArgumentException("--duration must be at least 1 second");
            if (warmupSeconds < 0) throw new IllegalArgumentException("--warmup must not be negative");
            if (targetRate < 0 || realtimeTargetRate < 0) throw new IllegalArgumentException("--target-rate must not be negative");
            if (threads < 1 || connections < threads || realtimeConnections < threads) {
                throw new IllegalArgumentException("--threads must be at least 1 and at most --connections and --realtime-connections");
            }
        }
    }

    /** One scenario's figures, as wrk measured them. */
    record Run(long requests, double seconds, long errors, double p50Ms, double p90Ms, double p99Ms, double maxMs) {}

    private final Options options;
    private final Consumer<String> progress;

    public RecsLoadBenchmark(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws IOException, InterruptedException {
        Wrk wrk = Wrk.find(options.wrk());
        Path dir = options.store().resolve(String.format("recs-load-%d-%d-%dd-s%d", options.products(), options.shoppers(),
                options.days(), options.seed()));
        long events = prepare(dir);
        List<String> actors = Files.readAllLines(dir.resolve("actors.txt"));
        progress.accept(String.format("starting the server on %s (%,d events to replay)", dir, events));
        long t0 = System.nanoTime();
        Personalization.Options personalization = Personalization.Options.defaults().withContentVectors(false)
                .withModelRefresh(Duration.ofHours(6)); // trained once after the replay, never during a measurement
        try (AisleServer server = AisleServer.start(ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                .withKeys(PUBLIC_KEY, "ak_bench_admin_key_001"), personalization)) {
            await("replay", () -> server.personalization().host().caughtUp(), Duration.ofMinutes(30));
            progress.accept(String.format("replayed in %.0f s; training behaviour vectors", (System.nanoTime() - t0) / 1e9));
            await("behaviour vectors", () -> server.personalization().behaviourModel().isPresent(), Duration.ofMinutes(30));
            progress.accept(String.format("vectors ready after %.0f s; precomputing related lists", (System.nanoTime() - t0) / 1e9));
            await("precompute", () -> server.recommendations().warmed(), Duration.ofMinutes(30));
            List<String> products = server.recommendations().precomputedItems().stream().map(ProductId::value).toList();
            progress.accept(String.format("ready after %.0f s: %,d precomputed products, %,d shoppers and devices",
                    (System.nanoTime() - t0) / 1e9, products.size(), actors.size()));
            String base = "http://127.0.0.1:" + server.port();
            Scrape metrics = new Scrape(base);
            check(base, "/v1/recommendations/home?" + actors.getFirst() + "&limit=20");
            check(base, "/v1/recommendations/similar/" + products.getFirst() + "?limit=20");

            BenchReport report = new BenchReport("recs-load", String.format("simulated: %,d products, %,d shoppers, %d days, %,d events, seed %d",
                    options.products(), options.shoppers(), options.days(), events, options.seed()));
            Path scripts = Files.createTempDirectory("aisle-bench-recs");
            try {
                // Each scenario as fast as wrk can drive it, then (when asked) at the target rate, where latency is
                // the service's rather than the queue's of a saturated machine.
                String home = "/v1/recommendations/home?", similar = "/v1/recommendations/similar/";
                scenario(report, "aisle-home-precomputed", wrk, base, metrics, scripts, actors, home, "&limit=20", options.connections(), 0);
                scenario(report, "aisle-similar-precomputed", wrk, base, metrics, scripts, products, similar, "?limit=20", options.connections(), 0);
                scenario(report, "aisle-home-realtime", wrk, base, metrics, scripts, actors, home, "&limit=20&fresh=true",
                        options.realtimeConnections(), 0);
                if (options.targetRate() > 0) {
                    scenario(report, "aisle-home-precomputed@" + options.targetRate(), wrk, base, metrics, scripts, actors, home,
                            "&limit=20", options.connections(), options.targetRate());
                    scenario(report, "aisle-similar-precomputed@" + options.targetRate(), wrk, base, metrics, scripts, products,
                            similar, "?limit=20", options.connections(), options.targetRate());
                }
                if (options.realtimeTargetRate() > 0) {
                    scenario(report, "aisle-home-realtime@" + options.realtimeTargetRate(), wrk, base, metrics, scripts, actors,
                            home, "&limit=20&fresh=true", options.realtimeConnections(), options.realtimeTargetRate());
                }
            } finally {
                deleteTree(scripts);
            }
            return report;
        }
    }

    private void scenario(BenchReport report, String system, Wrk wrk, String base, Scrape metrics, Path scripts,
                          List<String> ids, String prefix, String suffix, int connections, int rate)
            throws IOException, InterruptedException {
        // Each wrk thread sends on its own schedule, threads/rate seconds apart on average: about `rate` in all.
        double gapMs = rate > 0 ? options.threads() * 1000.0 / rate : 0;
        Path script = LuaScript.write(scripts, system.replace('@', '-'), ids, prefix, suffix, PUBLIC_KEY, gapMs);
        if (options.warmupSeconds() > 0) {
            progress.accept(system + ": warm-up " + options.warmupSeconds() + " s");
            wrk.run(base, script, options.threads(), connections, options.warmupSeconds());
        }
        Map<String, Double> before = metrics.counters();
        progress.accept(String.format("%s: %d s, %d connections, %d wrk threads, over %,d ids", system, options.durationSeconds(),
                connections, options.threads(), ids.size()));
        long cpuBefore = processCpuNanos();
        Run r = wrk.run(base, script, options.threads(), connections, options.durationSeconds());
        long cpu = processCpuNanos() - cpuBefore;
        Map<String, Double> after = metrics.counters();
        report.put(system, "requests_per_s", r.requests() / r.seconds())
                .put(system, "p50_ms", r.p50Ms()).put(system, "p90_ms", r.p90Ms()).put(system, "p99_ms", r.p99Ms())
                .put(system, "max_ms", r.maxMs()).put(system, "errors", r.errors()).put(system, "connections", connections)
                // The server's own CPU (this process, background work included; wrk runs apart): the cost of a
                // request however busy the machine is.
                .put(system, "server_cpu_ms_per_request", cpu / 1e6 / Math.max(1, r.requests()));
        double hits = delta(before, after, "cache|final|hit"), misses = delta(before, after, "cache|final|miss"),
                stale = delta(before, after, "cache|final|stale");
        if (hits + misses + stale > 0) report.put(system, "final_hit_rate", hits / (hits + misses + stale));
        double servedAll = 0;
        for (String from : List.of("cache", "precomputed", "realtime")) servedAll += served(before, after, from);
        for (String from : List.of("cache", "precomputed", "realtime")) {
            if (servedAll > 0) report.put(system, "from_" + from, served(before, after, from) / servedAll);
        }
    }

    private static double served(Map<String, Double> before, Map<String, Double> after, String from) {
        double sum = 0;
        for (String k : after.keySet()) if (k.startsWith("served|") && k.endsWith("|" + from)) sum += delta(before, after, k);
        return sum;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }

    /** Builds the store unless a complete one is there; returns how many events it holds. */
    private long prepare(Path dir) throws IOException {
        Path done = dir.resolve("complete");
        if (Files.exists(done)) {
            long events = Long.parseLong(Files.readString(done).strip());
            progress.accept(String.format("reusing the simulated store in %s (%,d events)", dir, events));
            return events;
        }
        if (Files.exists(dir)) deleteTree(dir);
        Files.createDirectories(dir);
        CatalogGenerator catalogue = new CatalogGenerator(CatalogConfig.of(options.seed(), options.products()));
        Set<String> actors = new LinkedHashSet<>();
        long events = 0;
        try (EmbeddedStorage storage = EmbeddedStorage.open(dir)) {
            progress.accept(String.format("writing %,d products", options.products()));
            List<CatalogChange> batch = new ArrayList<>(CHUNK);
            for (Iterator<Product> it = catalogue.iterator(); it.hasNext(); ) {
                batch.add(new CatalogChange.Upsert(it.next()));
                if (batch.size() == CHUNK) {
                    storage.catalog().apply(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) storage.catalog().apply(batch);
            SimulationConfig simulation = SimulationConfig.of(options.seed(), options.shoppers(), START,
                    START.plus(Duration.ofDays(options.days())));
            progress.accept(String.format("simulating %,d shoppers over %d days", options.shoppers(), options.days()));
            List<ShopperEvent> chunk = new ArrayList<>(CHUNK);
            for (Iterator<ShopperEvent> it = new ShopperSimulator(simulation, CatalogView.of(catalogue)).iterator(); it.hasNext(); ) {
                ShopperEvent e = it.next();
                actors.add(e.actor().shopperId() != null ? "shopper_id=" + e.actor().shopperId().value()
                        : "device_id=" + e.actor().anonymousId().value());
                chunk.add(e);
                if (chunk.size() == CHUNK) {
                    storage.events().append(chunk);
                    events += chunk.size();
                    chunk.clear();
                    if (events % 500_000 == 0) progress.accept(String.format("%,d events written", events));
                }
            }
            if (!chunk.isEmpty()) storage.events().append(chunk);
            events += chunk.size();
        }
        Files.write(dir.resolve("actors.txt"), actors);
        Files.writeString(done, Long.toString(events));
        return events;
    }

    private void await(String what, BooleanSupplier done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(what + " not ready after " + limit);
            Thread.sleep(500);
        }
    }

    private static void check(String base, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + PUBLIC_KEY).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"product_id\"")) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** CPU time of this process (the server), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
