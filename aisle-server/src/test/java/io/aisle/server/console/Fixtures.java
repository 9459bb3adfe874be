package io.aisle.server.console;

import io.aisle.server.TestServer;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Products and events for console and storefront tests, put through the public API like a merchant would. */
final class Fixtures {
    private Fixtures() {}

    static void product(TestServer server, String id, String title, String category, String sub, String price) {
        String body = """
                {"id": "%s", "title": "%s", "description": "Light and grippy.\\nMade for long days.",
                 "brand": "Northpeak", "category_path": ["%s", "%s"],
                 "attributes": {"color": "blue", "weight": {"value": 280, "unit": "g"}, "waterproof": true},
                 "price": %s, "currency": "EUR", "stock": {"berlin": 4, "paris": 2}, "images": [],
                 "url": "/store/products/%s"}
                """.formatted(id, title, category, sub, price, id);
        TestServer.Response r = server.put("/v1/products/" + Fmt.seg(id), TestServer.ADMIN_KEY, body);
        assertThat(r.status()).as("PUT product %s: %s", id, r.body()).isIn(200, 201);
    }

    static String event(TestServer server, String name, String shopper, String itemId) {
        String id = UUID.randomUUID().toString();
        String items = itemId == null ? "" : ", \"items\": [{\"item_id\": \"" + itemId + "\", \"price\": 10, \"quantity\": 2}]";
        String body = """
                {"events": [{"event_id": "%s", "name": "%s", "shopper_id": "%s", "session_id": "s-1",
                             "timestamp": "%s"%s}]}
                """.formatted(id, name, shopper, Instant.now(), items);
        TestServer.Response r = server.post("/v1/events", TestServer.PUBLIC_KEY, body);
        assertThat(r.status()).as("POST event: %s", r.body()).isEqualTo(200);
        assertThat(r.json().path("stored").asInt()).isEqualTo(1);
        return id;
    }

    /** Waits (up to 5 s) until a lexical search for {@code query} finds at least {@code hits} products. */
    static void awaitSearch(TestServer server, String query, int hits) {
        var request = io.aisle.core.search.SearchRequest.of(query).withMode(io.aisle.core.search.SearchMode.LEXICAL);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (server.server().search().search().search(request).hits().size() < hits && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
