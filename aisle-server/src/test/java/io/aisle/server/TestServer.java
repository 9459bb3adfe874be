package io.aisle.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** A real Aisle server on a free port with a fresh data directory, plus a small HTTP client for tests. */
public final class TestServer implements AutoCloseable {
    public static final String PUBLIC_KEY = "pk_test_public_key_0001";
    public static final String ADMIN_KEY = "ak_test_admin_key_00001";

    private final Path dataDir;
    private final AisleServer server;
    private final ServerConfig config;
    private final io.aisle.server.derived.Personalization.Options personalization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = Json.mapper();

    private TestServer(Path dataDir, AisleServer server, ServerConfig config, io.aisle.server.derived.Personalization.Options personalization) {
        this.dataDir = dataDir;
        this.server = server;
        this.config = config;
        this.personalization = personalization;
    }

    /** Stops this server, keeping its data directory, and starts a new one on it (on another free port). */
    public TestServer restart() {
        server.close();
        return new TestServer(dataDir, AisleServer.start(config, personalization), config, personalization);
    }

    public static TestServer start() {
        return start(c -> c);
    }

    /** Starts with the test keys, on a free loopback port, after letting the caller adjust the config. */
    public static TestServer start(java.util.function.UnaryOperator<ServerConfig> adjust) {
        // The sentence encoder costs a second or two per server; tests that need content vectors start their own.
        return start(adjust, io.aisle.server.derived.Personalization.Options.defaults().withContentVectors(false));
    }

    /** As {@link #start(java.util.function.UnaryOperator)}, with these personalization options. */
    public static TestServer start(java.util.function.UnaryOperator<ServerConfig> adjust,
                                   io.aisle.server.derived.Personalization.Options personalization) {
        try {
            Path dir = Files.createTempDirectory("aisle-test");
            ServerConfig config = adjust.apply(ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0)
                    .withKeys(PUBLIC_KEY, ADMIN_KEY));
            return new TestServer(dir, AisleServer.start(config, personalization), config, personalization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AisleServer server() { return server; }

    public Path dataDir() { return dataDir; }

    public String baseUrl() { return "http://127.0.0.1:" + server.port(); }

    public ObjectMapper mapper() { return mapper; }

    /** A response with its status, headers and body parsed as JSON where it is JSON. */
    public record Response(int status, HttpResponse<String> raw, JsonNode json) {
        public String header(String name) { return raw.headers().firstValue(name).orElse(null); }

        public String body() { return raw.body(); }
    }

    public Response send(String method, String path, String key, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30));
        if (key != null) b.header("Authorization", "Bearer " + key);
        if (body != null) b.header("Content-Type", contentType == null ? "application/json" : contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !r.body().isEmpty() ? mapper.readTree(r.body()) : null;
            return new Response(r.statusCode(), r, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String key) { return send("GET", path, key, null, null); }

    public Response post(String path, String key, String json) { return send("POST", path, key, json, null); }

    public Response put(String path, String key, String json) { return send("PUT", path, key, json, null); }

    public Response delete(String path, String key) { return send("DELETE", path, key, null, null); }

    @Override public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }
}
