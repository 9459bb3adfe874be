package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import io.aisle.server.derived.Personalization;
import io.aisle.server.recommend.RecommendationHost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small simulated store for recommendation tests: trail gear, rain wear, coffee and tea, and shoppers whose
 * sessions tie them together (trail shoes with socks, espresso makers with beans), two days ago.
 */
final class SmallStore {
    static final String[][] PRODUCTS = {
            {"T1", "Trail Shoe", "Outdoors", "Trail"}, {"T2", "Trail Sock", "Outdoors", "Trail"},
            {"T3", "Trail Gaiter", "Outdoors", "Trail"}, {"T4", "Trail Cap", "Outdoors", "Trail"},
            {"R1", "Rain Jacket", "Outdoors", "Rain"}, {"R2", "Rain Pants", "Outdoors", "Rain"},
            {"K1", "Espresso Maker", "Kitchen", "Coffee"}, {"K2", "Coffee Grinder", "Kitchen", "Coffee"},
            {"K3", "Coffee Beans", "Kitchen", "Coffee"}, {"E1", "Tea Kettle", "Kitchen", "Tea"},
            {"E2", "Tea Leaves", "Kitchen", "Tea"}};

    private final TestServer server;
    private final Instant t0 = Instant.now().minus(Duration.ofDays(2));
    private int seq;

    SmallStore(TestServer server) { this.server = server; }

    /** Writes the catalogue and the shoppers' history, then waits until serving has seen all of it. */
    SmallStore seed() {
        for (String[] p : PRODUCTS) put(p[0], p[1], p[2], p[3], 10);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String who = "\"shopper_id\": \"hiker-" + i + "\"", s = "h" + i;
            events.add(event("view_item", who, s, item("T1"), 0));
            events.add(event("view_item", who, s, item("T2"), 0));
            events.add(event("view_item", who, s, item("T3"), 0));
            events.add(event("add_to_cart", who, s, item("T1"), 0));
            events.add(event("add_to_cart", who, s, item("T2"), 0));
            events.add(event("purchase", who + ", \"value\": 20, \"currency\": \"EUR\"", s, items("T1", "T2"), 0));
        }
        for (int i = 0; i < 10; i++) {
            String who = "\"shopper_id\": \"barista-" + i + "\"", s = "b" + i;
            events.add(event("view_item", who, s, item("K1"), 0));
            events.add(event("view_item", who, s, item("K2"), 0));
            events.add(event("view_item", who, s, item("K3"), 0));
            events.add(event("add_to_cart", who, s, item("K1"), 0));
            events.add(event("add_to_cart", who, s, item("K3"), 0));
            events.add(event("purchase", who + ", \"value\": 20, \"currency\": \"EUR\"", s, items("K1", "K3"), 0));
        }
        for (int i = 0; i < 5; i++) {
            String who = "\"shopper_id\": \"walker-" + i + "\"", s = "w" + i;
            events.add(event("view_item", who, s, item("R1"), 0));
            events.add(event("view_item", who, s, item("R2"), 0));
            String tea = "\"shopper_id\": \"sipper-" + i + "\"", t = "t" + i;
            events.add(event("view_item", tea, t, item("E1"), 0));
            events.add(event("view_item", tea, t, item("E2"), 0));
        }
        post(events);
        await();
        return this;
    }

    void put(String id, String title, String department, String leaf, int stock) {
        var r = server.put("/v1/products/" + id, ADMIN_KEY, """
                {"title": "%s", "brand": "Acme", "category_path": ["%s", "%s"], "price": 10, "currency": "EUR",
                 "stock": {"main": %d}}
                """.formatted(title, department, leaf, stock));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    void post(List<String> events) {
        var r = server.post("/v1/events", PUBLIC_KEY, "{\"events\": [" + String.join(",", events) + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("refused").asInt()).as(r.body()).isZero();
    }

    /** An event {@code minutesAfterStart} minutes after the store's history began (or now, for -1). */
    String event(String name, String actor, String session, String extra, int minutesAfterStart) {
        Instant at = minutesAfterStart < 0 ? Instant.now() : t0.plusSeconds(60L * minutesAfterStart + seq);
        return """
                {"event_id": "rec-%d", "name": "%s", %s, "session_id": "%s", "timestamp": "%s"%s}
                """.formatted(seq++, name, actor, session, at, extra.isEmpty() ? "" : ", " + extra);
    }

    static String item(String id) { return "\"items\": [{\"item_id\": \"" + id + "\", \"price\": 10}]"; }

    static String items(String... ids) {
        List<String> list = new ArrayList<>();
        for (String id : ids) list.add("{\"item_id\": \"" + id + "\", \"price\": 10}");
        return "\"items\": [" + String.join(", ", list) + "]";
    }

    /** Waits until the projections have every event, the live catalogue every change, and a snapshot is newer. */
    void await() {
        Personalization p = server.server().personalization();
        RecommendationHost recs = server.server().recommendations();
        long target = server.server().storage().events().lastOffset();
        Instant after = Instant.now();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && (p.host().appliedOffset() < target
                || !server.server().storage().catalog().changesAfter(recs.catalogueOffset(), 1).isEmpty()
                || !recs.snapshotAt().isAfter(after))) {
            sleep();
        }
        assertThat(p.host().appliedOffset()).isEqualTo(target);
        assertThat(recs.snapshotAt()).isAfter(after);
    }

    /** Waits until the live catalogue has every change (not the projections). */
    void awaitCatalogue() {
        RecommendationHost recs = server.server().recommendations();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !server.server().storage().catalog().changesAfter(recs.catalogueOffset(), 1).isEmpty()) {
            sleep();
        }
    }

    static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> ids(JsonNode response) {
        return StreamSupport.stream(response.get("items").spliterator(), false).map(i -> i.get("product_id").asText()).toList();
    }
}
