package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import io.aisle.server.http.Role;
import io.aisle.server.http.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class AuthAndSystemApiTest {
    private static TestServer server;

    @BeforeAll static void start() { server = TestServer.start(); }

    @AfterAll static void stop() { server.close(); }

    static String concrete(String path) { return path.replace("{id}", "X1").replace("{name}", "ranker"); }

    @Test void everyProtectedRouteRefusesMissingAndWrongKeys() {
        for (Route route : server.server().routes()) {
            if (route.role() == Role.OPEN) continue;
            String path = concrete(route.path());
            assertProblem(server.send(route.method(), path, null, route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}", null), 401, "unauthorized");
            assertProblem(server.send(route.method(), path, "wrong-key-wrong-key", null, null), 401, "unauthorized");
        }
    }

    @Test void publicKeyIsRefusedOnEveryAdminRoute() {
        long adminRoutes = 0;
        for (Route route : server.server().routes()) {
            if (route.role() != Role.ADMIN) continue;
            adminRoutes++;
            var r = server.send(route.method(), concrete(route.path()), PUBLIC_KEY, route.method().equals("GET") || route.method().equals("DELETE") ? null : "{}", null);
            assertProblem(r, 403, "forbidden");
        }
        assertThat(adminRoutes).isGreaterThanOrEqualTo(6);
    }

    @Test void adminKeyWorksOnPublicRoutes() {
        assertThat(server.get("/v1/products", ADMIN_KEY).status()).isEqualTo(200);
    }

    @Test void malformedAuthorizationHeaderIsExplained() {
        var r = server.send("GET", "/v1/products", null, null, null);
        assertProblem(r, 401, "unauthorized");
        assertThat(r.header("WWW-Authenticate")).contains("Bearer");
    }

    @Test void healthAndMetrics() {
        assertThat(server.get("/health/live", null).json().get("status").asText()).isEqualTo("up");
        assertThat(server.get("/health/ready", null).json().get("status").asText()).isEqualTo("ready");
        server.post("/v1/events", PUBLIC_KEY, EventsApiTest.batch(EventsApiTest.view("metric-1")));
        var metrics = server.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("aisle_events_received_total{outcome=\"stored\"}")
                .contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes");
    }

    @Test void unknownRouteIsAProblem() {
        assertProblem(server.get("/v1/nothing-here", PUBLIC_KEY), 404, "not_found");
    }

    @Test void swaggerUiIsServedFromTheWebJar() {
        var page = server.get("/swagger", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/openapi.json");
        String script = page.body().replaceAll("(?s).*<script src=\"([^\"]+)\".*", "$1");
        assertThat(server.get(script, null).status()).isEqualTo(200);
    }

    @Test void openApiDocumentsExactlyTheApiRoutes() {
        JsonNode doc = server.get("/openapi.json", null).json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new HashSet<>();
        for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            doc.get("paths").get(path).fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path));
        }
        Set<String> served = new HashSet<>();
        for (Route r : server.server().routes()) {
            if (isApi(r.path())) served.add(r.method() + " " + r.path());
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
        // Every documented operation with a body or parameters must resolve its schema references.
        String text = doc.toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)").matcher(text);
        while (m.find()) assertThat(doc.get("components").get("schemas").has(m.group(1))).as(m.group(1)).isTrue();
    }

    static boolean isApi(String path) {
        return path.startsWith("/v1/") || path.startsWith("/health/") || path.equals("/metrics")
                || path.equals("/openapi.json") || path.equals("/swagger");
    }
}
