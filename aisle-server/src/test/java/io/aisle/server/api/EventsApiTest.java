package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;

class EventsApiTest {
    private TestServer server;

    @BeforeEach void start() { server = TestServer.start(); }

    @AfterEach void stop() { server.close(); }

    static String event(String id, String name, String extra) {
        return "{\"event_id\":\"" + id + "\",\"name\":\"" + name + "\",\"anonymous_id\":\"anon-1\",\"session_id\":\"s-1\","
                + "\"timestamp\":\"" + Instant.now() + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static String view(String id) { return event(id, "view_item", "\"items\":[{\"item_id\":\"P1\",\"price\":19.99}],\"dwell_ms\":1200"); }

    static String batch(String... events) { return "{\"events\":[" + String.join(",", events) + "]}"; }

    long stored() { return server.server().storage().events().count(); }

    @Test void storesValidBatchDurablyAndReadsItBack() {
        var r = server.post("/v1/events", PUBLIC_KEY, batch(view("e1"), event("e2", "search", "\"query\":\"red shoes\""),
                event("e3", "add_to_cart", "\"items\":[{\"item_id\":\"P1\",\"quantity\":2}],\"value\":39.98,\"currency\":\"EUR\"")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("stored").asInt()).isEqualTo(3);
        assertThat(r.json().get("refused").asInt()).isZero();
        assertThat(stored()).isEqualTo(3);

        var log = server.get("/v1/events?after=0&limit=2", ADMIN_KEY);
        assertThat(log.status()).isEqualTo(200);
        JsonNode events = log.json().get("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("event").get("event_id").asText()).isEqualTo("e1");
        assertThat(events.get(0).get("event").get("items").get(0).get("price").decimalValue()).isEqualByComparingTo("19.99");
        long next = log.json().get("next_after").asLong();
        var rest = server.get("/v1/events?after=" + next, ADMIN_KEY);
        assertThat(rest.json().get("events")).hasSize(1);
        assertThat(rest.json().get("events").get(0).get("event").has("query")).isFalse();
        assertThat(rest.json().get("events").get(0).get("event").get("value").decimalValue()).isEqualByComparingTo("39.98");
    }

    @Test void duplicatesAreAcknowledgedButStoredOnce() {
        assertThat(server.post("/v1/events", PUBLIC_KEY, batch(view("d1"), view("d2"))).status()).isEqualTo(200);
        var again = server.post("/v1/events", PUBLIC_KEY, batch(view("d1"), view("d3"), view("d3")));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("stored").asInt()).isEqualTo(1);
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(2);
        assertThat(again.json().get("duplicate_ids")).extracting(JsonNode::asText).containsExactly("d1", "d3");
        assertThat(stored()).isEqualTo(3);
    }

    @Test void partialSuccessNamesEachRefusedEventAndField() {
        var r = server.post("/v1/events", PUBLIC_KEY, batch(view("ok1"),
                event("bad1", "view_item", "\"items\":[{\"item_id\":\"P1\",\"price\":-3}]"),
                event("bad2", "teleport", ""),
                "{\"name\":\"search\"}"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("stored").asInt()).isEqualTo(1);
        assertThat(r.json().get("refused").asInt()).isEqualTo(3);
        JsonNode refused = r.json().get("refused_events");
        assertThat(refused.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(refused.get(0).get("event_id").asText()).isEqualTo("bad1");
        assertThat(refused.get(0).get("errors").get(0).get("field").asText()).isEqualTo("events[1].items[0].price");
        assertThat(refused.get(0).get("errors").get(0).get("reason").asText()).contains("negative");
        assertThat(refused.get(1).get("errors").get(0).get("field").asText()).isEqualTo("events[2].name");
        assertThat(refused.get(2).get("errors")).extracting(e -> e.get("field").asText())
                .contains("events[3].event_id", "events[3].session_id", "events[3].timestamp", "events[3].shopper_id", "events[3].query");
        assertThat(stored()).isEqualTo(1);
    }

    @Test void allInvalidIsAProblemAndStoresNothing() {
        var r = server.post("/v1/events", PUBLIC_KEY, batch(event("x", "dwell", "\"items\":[{\"item_id\":\"P1\"}]")));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("validation_failed");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("events[0].dwell_ms");
        assertThat(stored()).isZero();
    }

    @Test void envelopeErrorsAreProblems() {
        assertProblem(server.post("/v1/events", PUBLIC_KEY, "{\"events\": [ {"), 400, "invalid_json");
        assertProblem(server.post("/v1/events", PUBLIC_KEY, "[]"), 422, "validation_failed");
        assertProblem(server.post("/v1/events", PUBLIC_KEY, "{\"events\": []}"), 422, "validation_failed");
        assertProblem(server.post("/v1/events", PUBLIC_KEY, "{\"evnts\": []}"), 422, "validation_failed");
        assertProblem(server.send("POST", "/v1/events", PUBLIC_KEY, "events=1", "application/x-www-form-urlencoded"), 415, "unsupported_media_type");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) many.add(view("m" + i));
        var tooMany = server.post("/v1/events", PUBLIC_KEY, batch(many.toArray(String[]::new)));
        assertProblem(tooMany, 422, "validation_failed");
        assertThat(tooMany.json().get("errors").get(0).get("field").asText()).isEqualTo("events");
        assertThat(stored()).isZero();
    }

    @Test void oversizedBodyIs413() {
        try (TestServer small = TestServer.start(c -> new io.aisle.server.ServerConfig(c.host(), c.port(), c.dataDir(),
                c.publicKey(), c.adminKey(), 1 << 20, 4096, c.maxBatchEvents(), c.maxConcurrentIngest(),
                c.maxPendingEvents(), c.corsOrigins(), c.recsRetrainEvery()))) {
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 60; i++) events.add(view("big" + i));
            var r = small.post("/v1/events", PUBLIC_KEY, batch(events.toArray(String[]::new)));
            assertProblem(r, 413, "payload_too_large");
            assertThat(small.server().storage().events().count()).isZero();
        }
    }

    @Test void beaconFormTakesPublicKeyInQueryAndTextPlain() {
        var r = server.send("POST", "/v1/events?key=" + PUBLIC_KEY, null, batch(view("b1")), "text/plain;charset=UTF-8");
        assertThat(r.status()).isEqualTo(200);
        assertThat(stored()).isEqualTo(1);
        var admin = server.send("POST", "/v1/events?key=" + ADMIN_KEY, null, batch(view("b2")), "text/plain");
        assertProblem(admin, 401, "unauthorized");
    }

    @Test void overloadAnswers429WithRetryAfterAndNeverLosesAcknowledgedEvents() throws Exception {
        try (TestServer tight = TestServer.start(c -> c.withLimits(1, 100_000))) {
            List<Integer> statuses = new CopyOnWriteArrayList<>();
            List<String> acked = new CopyOnWriteArrayList<>();
            boolean saw429 = false;
            for (int round = 0; round < 10 && !saw429; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    String prefix = "o" + round + "-" + t + "-";
                    threads.add(Thread.ofVirtual().start(() -> {
                        List<String> events = new ArrayList<>();
                        for (int i = 0; i < 1000; i++) events.add(view(prefix + i));
                        String body = batch(events.toArray(String[]::new));
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        var r = tight.post("/v1/events", PUBLIC_KEY, body);
                        statuses.add(r.status());
                        if (r.status() == 429) assertThat(r.header("Retry-After")).isEqualTo("1");
                        if (r.status() == 200) acked.add(prefix);
                    }));
                }
                go.countDown();
                for (Thread t : threads) t.join();
                saw429 = statuses.contains(429);
            }
            assertThat(statuses).contains(429).allMatch(s -> s == 200 || s == 429);
            assertThat(tight.server().storage().events().count()).isEqualTo(acked.size() * 1000L);
        }
    }

    static void assertProblem(TestServer.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("detail").asText()).isNotBlank();
    }
}
