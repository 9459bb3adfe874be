package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.AisleServer;
import io.aisle.server.ServerConfig;
import io.aisle.server.TestServer;
import io.aisle.server.derived.Personalization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Experiments over real HTTP: define, assign, send events, read per-variant metrics; errors name the field. */
class ExperimentsApiTest {
    private static final String HOME_FEED = """
            {"id": "home-feed", "description": "SASRec against the transition model",
             "variants": [{"name": "control", "weight": 50, "control": true, "config": {"model": "transitions"}},
                          {"name": "sasrec", "weight": 50, "config": {"model": "sasrec"}}]}
            """;

    private TestServer server;
    private int seq;

    @BeforeEach void start() { server = TestServer.start(); }

    @AfterEach void stop() { server.close(); }

    @Test void a_created_experiment_assigns_shoppers_and_counts_their_events_per_variant() {
        TestServer.Response created = server.post("/v1/experiments", ADMIN_KEY, HOME_FEED);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/experiments/home-feed");
        assertThat(created.json().get("status").asText()).isEqualTo("running");
        assertThat(created.json().get("traffic").asDouble()).isEqualTo(1.0);

        String inControl = shopperIn("home-feed", "control");
        String inSasrec = shopperIn("home-feed", "sasrec");
        JsonNode a = server.get("/v1/experiments/home-feed/assignment?shopper_id=" + inSasrec, PUBLIC_KEY).json();
        assertThat(a.get("in_experiment").asBoolean()).isTrue();
        assertThat(a.get("shopper_key").asText()).isEqualTo("s:" + inSasrec);
        assertThat(a.get("config").get("model").asText()).isEqualTo("sasrec");
        assertThat(a.get("reason").asText()).isEqualTo("assigned");

        List<String> events = new ArrayList<>();
        // Control: one session with two lists shown, a click, two carts and a purchase of 30; a second, idle session.
        events.add(event("view_item_list", inControl, "c1", ""));
        events.add(event("view_item_list", inControl, "c1", ""));
        events.add(event("select_item", inControl, "c1", items()));
        events.add(event("add_to_cart", inControl, "c1", items()));
        events.add(event("add_to_cart", inControl, "c1", items()));
        events.add(event("purchase", inControl, "c1", items() + ", \"value\": 30, \"currency\": \"EUR\""));
        events.add(event("page_view", inControl, "c2", ""));
        // SASRec: one session with four lists and three clicks, no purchase.
        for (int i = 0; i < 4; i++) events.add(event("view_item_list", inSasrec, "s1", ""));
        for (int i = 0; i < 3; i++) events.add(event("select_item", inSasrec, "s1", items()));
        send(events);

        JsonNode body = server.get("/v1/experiments/home-feed", ADMIN_KEY).json();
        JsonNode metrics = body.get("metrics");
        assertThat(metrics.get("complete").asBoolean()).isTrue();
        JsonNode control = metrics.get("variants").get(0);
        JsonNode sasrec = metrics.get("variants").get(1);
        assertThat(control.get("variant").asText()).isEqualTo("control");
        assertThat(control.get("control").asBoolean()).isTrue();
        assertThat(List.of(control.get("sessions").asLong(), control.get("impressions").asLong(), control.get("clicks").asLong(),
                control.get("cart_sessions").asLong())).containsExactly(2L, 2L, 1L, 1L);
        assertThat(control.get("revenue").asDouble()).isEqualTo(30.0);
        assertThat(control.get("ctr").get("value").asDouble()).isEqualTo(0.5);
        assertThat(control.get("ctr").get("vs_control").isNull()).isTrue();
        assertThat(control.get("revenue_per_session").get("value").asDouble()).isEqualTo(15.0);
        assertThat(control.get("add_to_cart_rate").get("low").asDouble()).isBetween(0.0, 0.5);

        assertThat(List.of(sasrec.get("sessions").asLong(), sasrec.get("impressions").asLong(), sasrec.get("clicks").asLong()))
                .containsExactly(1L, 4L, 3L);
        assertThat(sasrec.get("ctr").get("value").asDouble()).isEqualTo(0.75);
        JsonNode lift = sasrec.get("ctr").get("vs_control");
        assertThat(lift.get("value").asDouble()).isEqualTo(0.5); // 75% against 50%
        assertThat(lift.get("low").asDouble()).isLessThan(0.5);
        assertThat(lift.get("high").asDouble()).isGreaterThan(0.5);
        assertThat(lift.get("significant").asBoolean()).isFalse();
        assertThat(sasrec.get("revenue_per_session").get("value").isNull()).isTrue(); // one session: no interval yet
    }

    @Test void events_before_the_start_and_after_the_stop_do_not_count() {
        String early = event("view_item_list", "u-early", "e1", "", Instant.now().minusSeconds(3600));
        assertThat(server.post("/v1/experiments", ADMIN_KEY, HOME_FEED).status()).isEqualTo(201);
        String shopper = shopperIn("home-feed", "control");
        send(List.of(early.replace("u-early", shopper), event("view_item_list", shopper, "x1", "")));
        TestServer.Response stopped = server.post("/v1/experiments/home-feed/stop", ADMIN_KEY, null);
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().get("status").asText()).isEqualTo("stopped");
        assertThat(stopped.json().get("stopped_at").asText()).isNotBlank();
        send(List.of(event("view_item_list", shopper, "x1", "", Instant.now().plusSeconds(5))));

        JsonNode control = server.get("/v1/experiments/home-feed", ADMIN_KEY).json().get("metrics").get("variants").get(0);
        assertThat(control.get("impressions").asLong()).isEqualTo(1);
        JsonNode after = server.get("/v1/experiments/home-feed/assignment?shopper_id=" + shopper, PUBLIC_KEY).json();
        assertThat(after.get("in_experiment").asBoolean()).isFalse();
        assertThat(after.get("reason").asText()).isEqualTo("stopped");
        assertThat(server.server().experiments().variantFor("s:" + shopper)).isEmpty();
    }

    @Test void the_traffic_share_holds_shoppers_out() {
        String body = HOME_FEED.replace("\"description\"", "\"traffic\": 0.2, \"description\"");
        assertThat(server.post("/v1/experiments", ADMIN_KEY, body).status()).isEqualTo(201);
        int in = 0;
        for (int i = 0; i < 200; i++) {
            JsonNode a = server.get("/v1/experiments/home-feed/assignment?anonymous_id=d-" + i, PUBLIC_KEY).json();
            if (a.get("in_experiment").asBoolean()) in++;
            else assertThat(a.get("reason").asText()).isEqualTo("held_out");
        }
        assertThat(in).isBetween(15, 70); // 20% of 200 is 40; bounds are beyond 4 standard errors
    }

    @Test void the_list_shows_every_experiment_oldest_first() {
        assertThat(server.post("/v1/experiments", ADMIN_KEY, HOME_FEED).status()).isEqualTo(201);
        String search = HOME_FEED.replace("home-feed", "search-rank").replace("\"description\"", "\"surface\": \"search\", \"description\"");
        assertThat(server.post("/v1/experiments", ADMIN_KEY, search).status()).isEqualTo(201);
        JsonNode list = server.get("/v1/experiments", ADMIN_KEY).json().get("experiments");
        assertThat(StreamSupport.stream(list.spliterator(), false).map(e -> e.get("id").asText())).containsExactly("home-feed", "search-rank");
        assertThat(list.get(1).get("surface").asText()).isEqualTo("search");
    }

    @Test void bad_definitions_are_refused_naming_each_field() {
        TestServer.Response r = server.post("/v1/experiments", ADMIN_KEY, """
                {"id": "Home Feed", "traffic": 2, "colour": "red",
                 "variants": [{"name": "a", "weight": 0, "control": true}, {"name": "a", "weight": -1, "control": true}]}
                """);
        assertProblem(r, 422, "validation_failed");
        assertThat(fields(r)).containsExactlyInAnyOrder("colour");
        r = server.post("/v1/experiments", ADMIN_KEY, """
                {"id": "Home Feed", "traffic": 2,
                 "variants": [{"name": "a", "weight": 0, "control": true}, {"name": "a", "weight": -1, "control": true}]}
                """);
        assertProblem(r, 422, "validation_failed");
        assertThat(fields(r)).containsExactlyInAnyOrder("id", "traffic", "variants[0].weight", "variants[1].name",
                "variants[1].weight", "variants");
        r = server.post("/v1/experiments", ADMIN_KEY, """
                {"id": "x", "variants": [{"name": 3, "weight": "half"}, {"weight": 1, "control": "yes", "config": {"k": 1}}]}
                """);
        assertThat(fields(r)).containsExactlyInAnyOrder("variants[0].name", "variants[0].weight", "variants[1].name",
                "variants[1].control", "variants[1].config.k");
        assertProblem(server.post("/v1/experiments", ADMIN_KEY, "{\"variants\": []"), 400, "invalid_json");
        assertThat(server.get("/v1/experiments", ADMIN_KEY).json().get("experiments")).isEmpty();
    }

    @Test void clashes_are_conflicts_naming_the_field() {
        assertThat(server.post("/v1/experiments", ADMIN_KEY, HOME_FEED).status()).isEqualTo(201);
        TestServer.Response again = server.post("/v1/experiments", ADMIN_KEY, HOME_FEED);
        assertProblem(again, 409, "conflict");
        assertThat(fields(again)).containsExactly("id");
        String second = HOME_FEED.replace("\"home-feed\"", "\"home-feed-2\"");
        assertThat(fields(server.post("/v1/experiments", ADMIN_KEY, second))).containsExactly("surface");
        server.post("/v1/experiments/home-feed/stop", ADMIN_KEY, null);
        assertThat(server.post("/v1/experiments", ADMIN_KEY, second).status()).isEqualTo(201);
    }

    @Test void keys_and_lookups_are_checked() {
        assertProblem(server.post("/v1/experiments", PUBLIC_KEY, HOME_FEED), 403, "forbidden");
        assertProblem(server.get("/v1/experiments", null), 401, "unauthorized");
        assertProblem(server.get("/v1/experiments/nope", ADMIN_KEY), 404, "not_found");
        assertProblem(server.post("/v1/experiments/nope/stop", ADMIN_KEY, null), 404, "not_found");
        assertProblem(server.get("/v1/experiments/nope/assignment?shopper_id=a", PUBLIC_KEY), 404, "not_found");
        assertThat(server.post("/v1/experiments", ADMIN_KEY, HOME_FEED).status()).isEqualTo(201);
        TestServer.Response neither = server.get("/v1/experiments/home-feed/assignment", PUBLIC_KEY);
        assertProblem(neither, 422, "validation_failed");
        assertThat(fields(neither)).containsExactly("shopper_id");
        assertProblem(server.get("/v1/experiments/home-feed/assignment?shopper_id=a&anonymous_id=b", PUBLIC_KEY), 422,
                "validation_failed");
        assertProblem(server.get("/v1/experiments/home-feed/assignment?shopper_id=%20a", PUBLIC_KEY), 422, "validation_failed");
        assertProblem(server.get("/v1/experiments/home-feed/assignment?shopper_id=a", null), 401, "unauthorized");
    }

    @Test void definitions_and_metrics_survive_a_restart() throws Exception {
        Path dir = Files.createTempDirectory("aisle-experiments");
        ServerConfig config = ServerConfig.defaults(dir).withHost("127.0.0.1").withPort(0).withKeys(PUBLIC_KEY, ADMIN_KEY);
        Personalization.Options options = Personalization.Options.defaults().withContentVectors(false);
        String shopper;
        JsonNode before;
        try (AisleServer first = AisleServer.start(config, options)) {
            var e = first.experiments().create("home-feed", "", null, 1.0, List.of(
                    io.aisle.core.experiment.Variant.control("control", 1), io.aisle.core.experiment.Variant.treatment("b", 1)));
            shopper = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "u" + i)
                    .filter(s -> first.experiments().assign(e.id(), "s:" + s).orElseThrow().control()).findFirst().orElseThrow();
            post(first, List.of(event("view_item_list", shopper, "r1", ""), event("select_item", shopper, "r1", items())));
            awaitProjections(first);
            before = metricsOf(first);
        }
        try (AisleServer second = AisleServer.start(config, options)) {
            assertThat(second.experiments().find("home-feed")).isPresent();
            assertThat(second.experiments().variantFor("s:" + shopper).orElseThrow().control()).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!second.personalization().host().caughtUp() && System.nanoTime() < deadline) Thread.sleep(10);
            awaitProjections(second);
            assertThat(metricsOf(second)).isEqualTo(before);
            assertThat(before.get(0).get("clicks").asLong()).isEqualTo(1);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test void an_ingest_only_node_serves_definitions_and_assignments_without_metrics() {
        server.close();
        server = TestServer.start(c -> c, Personalization.Options.disabled());
        TestServer.Response created = server.post("/v1/experiments", ADMIN_KEY, HOME_FEED);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("metrics").isNull()).isTrue();
        assertThat(server.get("/v1/experiments/home-feed/assignment?anonymous_id=d-1", PUBLIC_KEY).json()
                .get("in_experiment").asBoolean()).isTrue();
    }

    // ---- helpers ----

    /** The first shopper id of the form u<n> that the experiment puts in {@code variant}, asked over the API. */
    private String shopperIn(String experiment, String variant) {
        for (int i = 0; i < 200; i++) {
            JsonNode a = server.get("/v1/experiments/" + experiment + "/assignment?shopper_id=u" + i, PUBLIC_KEY).json();
            if (variant.equals(a.path("variant").asText())) return "u" + i;
        }
        throw new AssertionError("no shopper among 200 is in " + variant);
    }

    private String event(String name, String shopper, String session, String extra) {
        return event(name, shopper, session, extra, Instant.now());
    }

    private String event(String name, String shopper, String session, String extra, Instant at) {
        return """
                {"event_id": "x%d", "name": "%s", "shopper_id": "%s", "session_id": "%s", "timestamp": "%s"%s}
                """.formatted(seq++, name, shopper, session, at, extra.isEmpty() ? "" : ", " + extra);
    }

    private static String items() { return "\"items\": [{\"item_id\": \"P1\", \"price\": 10}]"; }

    private void send(List<String> events) {
        TestServer.Response r = server.post("/v1/events", PUBLIC_KEY, "{\"events\": [" + String.join(",", events) + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("stored").asInt()).as(r.body()).isEqualTo(events.size());
        awaitProjections(server.server());
    }

    /** Sends a request to a server started without {@link TestServer}; the answer's JSON body. */
    private static JsonNode call(AisleServer s, String method, String path, String key, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + s.port() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var r = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return io.aisle.core.json.Json.mapper().readTree(r.body());
        }
    }

    private static void post(AisleServer s, List<String> events) throws Exception {
        call(s, "POST", "/v1/events", PUBLIC_KEY, "{\"events\": [" + String.join(",", events) + "]}");
    }

    private static JsonNode metricsOf(AisleServer s) throws Exception {
        return call(s, "GET", "/v1/experiments/home-feed", ADMIN_KEY, null).get("metrics").get("variants");
    }

    private static void awaitProjections(AisleServer s) {
        long target = s.storage().events().lastOffset();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (s.personalization().host().appliedOffset() < target && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(s.personalization().host().appliedOffset()).isEqualTo(target);
    }

    private static List<String> fields(TestServer.Response r) {
        List<String> out = new ArrayList<>();
        r.json().path("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }
}
