package io.aisle.bench;

import io.aisle.server.AisleServer;
import io.aisle.server.ServerConfig;
import io.aisle.server.derived.Personalization;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sustained, durable event ingestion over HTTP: concurrent clients post batches to {@code POST /v1/events} and
 * every acknowledged batch is on disk. Reports events/s and acknowledgement latency percentiles.
 * Run with {@code ./aisle bench ingest [--duration 30] [--clients 12] [--batch 100] [--json FILE]}.
 */
public final class IngestBenchmark {

    /** How to run: against a server started in-process on a temporary data directory, or an existing URL. */
    public record Options(int durationSeconds, int warmupSeconds, int clients, int batchSize, String url, String publicKey) {
        public Options {
            if (durationSeconds < 1) throw new IllegalArgumentException("--duration must be at least 1 second");
            if (warmupSeconds < 0) throw new IllegalArgumentException("--warmup must not be negative");
            if (clients < 1 || clients > 1024) throw new IllegalArgumentException("--clients must be 1..1024");
            if (batchSize < 1 || batchSize > 1000) throw new IllegalArgumentException("--batch must be 1..1000");
            if ((url == null) != (publicKey == null)) throw new IllegalArgumentException("--url needs --key (the public key) too");
        }
    }

    /** What one run measured. */
    public record Result(long events, double seconds, double eventsPerSecond, double p50Ms, double p99Ms,
                         double maxMs, long refusedRequests, long shedRequests) {}

    private final Options options;
    private final Consumer<String> progress;

    public IngestBenchmark(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * Against {@code --url}: one row, {@code aisle}. In process: two, each on a fresh data directory: {@code aisle},
     * the default server (personalization follows the log beside ingestion), and {@code aisle-ingest-only}, a node
     * started with personalization off, which isolates the durable ingest path.
     */
    public BenchReport run() throws IOException, InterruptedException {
        BenchReport report = new BenchReport("ingest", "synthetic");
        if (options.url() != null) {
            put(report, "aisle", measure(options.url(), options.publicKey()));
            return report;
        }
        // Ingest-only first: the default server leaves a large heap of projection state behind for the GC.
        progress.accept("ingest-only node (personalization off)");
        Result ingestOnly = inProcess(Personalization.Options.disabled());
        progress.accept("default server (personalization on)");
        put(report, "aisle", inProcess(Personalization.Options.defaults()));
        put(report, "aisle-ingest-only", ingestOnly);
        return report;
    }

    private Result inProcess(Personalization.Options personalization) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("aisle-bench-ingest");
        try (AisleServer server = AisleServer.start(ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                .withKeys("pk_bench_public_key_01", "ak_bench_admin_key_001"), personalization)) {
            Result r = measure("http://127.0.0.1:" + server.port(), "pk_bench_public_key_01");
            long stored = server.storage().events().count();
            if (stored < r.events()) {
                throw new IllegalStateException("server acknowledged " + r.events() + " events but holds " + stored);
            }
            return r;
        } finally {
            deleteTree(dir);
        }
    }

    private void put(BenchReport report, String system, Result r) {
        report.put(system, "events_per_s", r.eventsPerSecond())
                .put(system, "p50_ms", r.p50Ms())
                .put(system, "p99_ms", r.p99Ms())
                .put(system, "max_ms", r.maxMs())
                .put(system, "clients", options.clients())
                .put(system, "batch", options.batchSize())
                .put(system, "refused_requests", r.refusedRequests())
                .put(system, "shed_requests", r.shedRequests());
    }

    private Result measure(String baseUrl, String key) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(baseUrl + "/v1/events");
        if (options.warmupSeconds() > 0) {
            progress.accept("warming up for " + options.warmupSeconds() + " s");
            phase(http, uri, key, "w", options.warmupSeconds(), new LatencyRecorder(1), new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
        progress.accept("measuring for " + options.durationSeconds() + " s with " + options.clients() + " clients, batches of " + options.batchSize());
        LatencyRecorder latencies = new LatencyRecorder(200_000);
        AtomicLong events = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong shed = new AtomicLong();
        long start = System.nanoTime();
        phase(http, uri, key, "m", options.durationSeconds(), latencies, events, refused, shed);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(events.get(), seconds, events.get() / seconds, latencies.percentileMs(0.50),
                latencies.percentileMs(0.99), latencies.percentileMs(1.0), refused.get(), shed.get());
    }

    private void phase(HttpClient http, URI uri, String key, String phase, int seconds, LatencyRecorder latencies,
                       AtomicLong events, AtomicLong refused, AtomicLong shed) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        String run = Long.toString(System.currentTimeMillis(), 36) + phase;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                EventBatches batches = new EventBatches(run + "-" + client, options.batchSize(), new SplittableRandom(client));
                while (System.nanoTime() < deadline) {
                    String body = batches.next();
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - t0;
                        if (response.statusCode() == 200) {
                            latencies.record(took);
                            events.addAndGet(options.batchSize());
                        } else if (response.statusCode() == 429) {
                            shed.incrementAndGet();
                            Thread.sleep(100);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        refused.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) t.join();
    }

    /** Builds realistic batches (views, dwell, searches, carts) with unique event ids, cheaply. */
    static final class EventBatches {
        private final String prefix;
        private final int size;
        private final SplittableRandom random;
        private long seq;

        EventBatches(String prefix, int size, SplittableRandom random) {
            this.prefix = prefix;
            this.size = size;
            this.random = random;
        }

        String next() {
            String now = Instant.now().toString();
            StringBuilder sb = new StringBuilder(size * 260).append("{\"events\":[");
            for (int i = 0; i < size; i++) {
                if (i > 0) sb.append(',');
                long n = seq++;
                int shopper = random.nextInt(100_000);
                String item = "P" + String.format("%06d", random.nextInt(50_000));
                sb.append("{\"event_id\":\"").append(prefix).append('-').append(n)
                        .append("\",\"anonymous_id\":\"anon-").append(shopper)
                        .append("\",\"session_id\":\"sess-").append(shopper).append('-').append(n / 50)
                        .append("\",\"timestamp\":\"").append(now).append('"')
                        .append(",\"context\":{\"device\":\"mobile\",\"locale\":\"en-US\"}");
                int kind = random.nextInt(10);
                if (kind < 6) {
                    sb.append(",\"name\":\"view_item\",\"items\":[{\"item_id\":\"").append(item).append("\",\"price\":49.99}]");
                } else if (kind < 8) {
                    sb.append(",\"name\":\"dwell\",\"dwell_ms\":").append(500 + random.nextInt(60_000))
                            .append(",\"items\":[{\"item_id\":\"").append(item).append("\"}]");
                } else if (kind < 9) {
                    sb.append(",\"name\":\"search\",\"query\":\"running shoes under 120\"");
                } else {
                    sb.append(",\"name\":\"add_to_cart\",\"value\":49.99,\"currency\":\"USD\",\"items\":[{\"item_id\":\"")
                            .append(item).append("\",\"price\":49.99,\"quantity\":1}]");
                }
                sb.append('}');
            }
            return sb.append("]}").toString();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
