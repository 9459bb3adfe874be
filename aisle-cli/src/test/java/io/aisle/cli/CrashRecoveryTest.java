package io.aisle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingests under load in a child process, kills it with SIGKILL mid-stream, restarts it on the same data directory and
 * checks that every acknowledged event is there exactly once.
 */
class CrashRecoveryTest {
    private static final String PUBLIC_KEY = "pk_crash_test_public_01";
    private static final String ADMIN_KEY = "ak_crash_test_admin_001";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper mapper = Json.mapper();

    @Test void everyAcknowledgedEventSurvivesKillNineExactlyOnce(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        int port = freePort();
        Process server = startServer(dataDir, port, dir.resolve("server-1.log"));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> firstBatches = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        try {
            awaitReady(port, server, dir.resolve("server-1.log"));
            for (int c = 0; c < 8; c++) {
                int client = c;
                clients.add(Thread.ofVirtual().start(() -> {
                    for (int batch = 0; !stop.get(); batch++) {
                        List<String> ids = new ArrayList<>();
                        StringBuilder body = new StringBuilder("{\"events\":[");
                        for (int i = 0; i < 100; i++) {
                            String id = "c" + client + "-b" + batch + "-" + i;
                            ids.add(id);
                            body.append(i == 0 ? "" : ",").append("{\"event_id\":\"").append(id)
                                    .append("\",\"name\":\"view_item\",\"anonymous_id\":\"a").append(client)
                                    .append("\",\"session_id\":\"s").append(client).append("\",\"timestamp\":\"")
                                    .append(Instant.now()).append("\",\"items\":[{\"item_id\":\"P").append(i).append("\"}]}");
                        }
                        String json = body.append("]}").toString();
                        try {
                            HttpResponse<String> r = http.send(post(port, json), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                acknowledged.addAll(ids);
                                if (client == 0 && batch < 3) synchronized (firstBatches) { firstBatches.add(json); }
                            }
                        } catch (IOException e) {
                            return; // the server died under us: this batch was never acknowledged
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            // Let load build up, then kill without warning while requests are in flight.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < 20_000 && System.nanoTime() < deadline) Thread.sleep(50);
            server.destroyForcibly();
            server.waitFor();
        } finally {
            stop.set(true);
            for (Thread t : clients) t.join(Duration.ofSeconds(10));
            if (server.isAlive()) server.destroyForcibly().waitFor();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(1000);

        Process again = startServer(dataDir, port, dir.resolve("server-2.log"));
        try {
            awaitReady(port, again, dir.resolve("server-2.log"));
            Map<String, Integer> seen = new HashMap<>();
            long after = 0;
            while (true) {
                JsonNode page = mapper.readTree(http.send(HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/v1/events?limit=1000&after=" + after))
                        .header("Authorization", "Bearer " + ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString()).body());
                JsonNode events = page.get("events");
                if (events.isEmpty()) break;
                for (JsonNode e : events) seen.merge(e.get("event").get("event_id").asText(), 1, Integer::sum);
                after = page.get("next_after").asLong();
            }
            assertThat(acknowledged).allSatisfy(id -> assertThat(seen.get(id)).as("occurrences of " + id).isEqualTo(1));
            assertThat(seen.values()).allMatch(n -> n == 1);

            // Re-sending acknowledged batches after the restart is recognised as duplicates, not stored again.
            for (String json : firstBatches) {
                JsonNode receipt = mapper.readTree(http.send(post(port, json), HttpResponse.BodyHandlers.ofString()).body());
                assertThat(receipt.get("stored").asInt()).isZero();
                assertThat(receipt.get("duplicates").asInt()).isEqualTo(100);
            }
        } finally {
            again.destroy();
            again.waitFor();
        }
    }

    private HttpRequest post(int port, String json) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + PUBLIC_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static Process startServer(Path dataDir, int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--host", "127.0.0.1", "--port", String.valueOf(port), "--data-dir", dataDir.toString());
        pb.environment().put("AISLE_PUBLIC_KEY", PUBLIC_KEY);
        pb.environment().put("AISLE_ADMIN_KEY", ADMIN_KEY);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return pb.start();
    }

    private void awaitReady(int port, Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("server exited early:\n" + Files.readString(log));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not become ready:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
