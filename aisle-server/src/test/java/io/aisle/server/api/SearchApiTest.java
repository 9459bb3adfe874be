package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Search over real HTTP: near-real-time visibility, parsed queries, filters, facets, suggestions, logged searches. */
class SearchApiTest {
    private TestServer server;

    @BeforeEach void start() {
        server = TestServer.start();
        put("L1", "Kestrel Lumen 15 Laptop", "Kestrel", "Laptops", "1899.00", "\"memory\": {\"value\": 16, \"unit\": \"GB\"}");
        put("L2", "Kestrel Aero 13 Laptop", "Kestrel", "Laptops", "999.00", "\"memory\": {\"value\": 8, \"unit\": \"GB\"}");
        put("L3", "Corvid Titan 17 Gaming Laptop", "Corvid", "Laptops", "2499.00", "\"memory\": {\"value\": 32, \"unit\": \"GB\"}");
        put("H1", "Corvid Pulse Wireless Headphones", "Corvid", "Headphones", "199.00", "\"bluetooth\": true");
        put("H2", "Kestrel Wired Studio Headphones", "Kestrel", "Headphones", "89.00", "\"bluetooth\": false");
        awaitSearchable("H2");
    }

    @AfterEach void stop() { server.close(); }

    private void put(String id, String title, String brand, String category, String price, String attributes) {
        var r = server.put("/v1/products/" + id, ADMIN_KEY, """
                {"title": "%s", "brand": "%s", "category_path": ["Electronics", "%s"], "price": %s, "currency": "USD",
                 "stock": {"main": 3}, "attributes": {%s}}
                """.formatted(title, brand, category, price, attributes));
        assertThat(r.status()).as(r.body()).isIn(200, 201);
    }

    private TestServer.Response search(String query) {
        return server.get("/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), PUBLIC_KEY);
    }

    private List<String> ids(TestServer.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().get("hits").forEach(h -> out.add(h.get("item_id").asText()));
        return out;
    }

    /** Waits for the index of a freshly started server to reach the catalogue (its first pass starts cold). */
    private void awaitSearchable(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (ids(server.get("/v1/search?q=" + id.toLowerCase() + "&limit=100&mode=lexical", PUBLIC_KEY)).contains(id)) return;
            if (ids(server.get("/v1/search?limit=100", PUBLIC_KEY)).contains(id)) return;
        }
        throw new AssertionError(id + " not searchable 10 s after start");
    }

    @Test void aChangedProductIsSearchableWithinASecondAndADeletedOneDisappears() {
        put("T1", "Aurora Smart Television 55", "Aurora", "Televisions", "699.00", "");
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (!ids(search("television")).contains("T1") && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(ids(search("television"))).contains("T1");

        assertThat(server.delete("/v1/products/T1", ADMIN_KEY).status()).isIn(200, 204);
        deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (ids(search("television")).contains("T1") && System.nanoTime() < deadline) Thread.onSpinWait();
        assertThat(ids(search("television"))).doesNotContain("T1");
    }

    @Test void theParsedQueryComesBackWithTheResults() {
        var r = search("laptop under $2000 with 16gb");
        assertThat(ids(r)).containsExactly("L1");
        JsonNode q = r.json().get("query");
        assertThat(q.get("original").asText()).isEqualTo("laptop under $2000 with 16gb");
        assertThat(q.get("numeric")).anySatisfy(n -> {
            assertThat(n.get("attribute").asText()).isEqualTo("price");
            assertThat(n.get("max").asDouble()).isEqualTo(2000.0);
        });
        assertThat(q.get("numeric")).anySatisfy(n -> {
            assertThat(n.get("attribute").asText()).isEqualTo("memory");
            assertThat(n.get("min").asDouble()).isEqualTo(16.0);
            assertThat(n.get("unit").asText()).isEqualTo("GB");
        });
        JsonNode hit = r.json().get("hits").get(0);
        assertThat(hit.get("explanation").get("constraints_met")).isNotEmpty();
        assertThat(hit.get("price").get("currency").asText()).isEqualTo("USD");
    }

    @Test void negationsFacetsFiltersSortingAndPages() {
        assertThat(ids(search("headphones without bluetooth"))).containsExactly("H2");

        var all = server.get("/v1/search?q=laptop&sort=price_asc", PUBLIC_KEY);
        assertThat(ids(all)).containsExactly("L2", "L1", "L3");
        assertThat(all.json().get("total").asLong()).isEqualTo(3);
        JsonNode brand = null;
        for (JsonNode f : all.json().get("facets")) if (f.get("name").asText().equals("brand")) brand = f;
        assertThat(brand).isNotNull();
        assertThat(brand.get("values").toString()).contains("\"Kestrel\"").contains("\"Corvid\"");

        assertThat(ids(server.get("/v1/search?q=laptop&filter=brand:Corvid", PUBLIC_KEY))).containsExactly("L3");
        assertThat(ids(server.get("/v1/search?q=laptop&sort=price_asc&offset=1&limit=1", PUBLIC_KEY))).containsExactly("L1");
        assertThat(ids(server.get("/v1/search?q=laptop&max_price=1000", PUBLIC_KEY))).containsExactly("L2");
    }

    @Test void badParametersAreRefusedNamingTheParameter() {
        assertProblem(server.get("/v1/search?q=x&limit=0", PUBLIC_KEY), 422, "validation_failed");
        assertProblem(server.get("/v1/search?q=x&sort=cheapest", PUBLIC_KEY), 422, "validation_failed");
        assertProblem(server.get("/v1/search?q=x&mode=magic", PUBLIC_KEY), 422, "validation_failed");
        assertProblem(server.get("/v1/search?q=x&min_price=-1", PUBLIC_KEY), 422, "validation_failed");
        assertProblem(server.get("/v1/search?q=x&filter=brand", PUBLIC_KEY), 422, "validation_failed");
        assertProblem(server.get("/v1/search?q=" + "a".repeat(600), PUBLIC_KEY), 422, "validation_failed");
        assertProblem(server.get("/v1/search/suggest", PUBLIC_KEY), 422, "validation_failed");
        assertProblem(server.get("/v1/search?q=x", null), 401, "unauthorized");
        var r = server.get("/v1/search?q=x&limit=0", PUBLIC_KEY);
        assertThat(r.body()).contains("limit");
    }

    @Test void luceneSyntaxAndJunkAreSearchedAsText() {
        for (String q : List.of("title:laptop AND (", "*:*", "\\\\", "laptop~2^3", "\"unbalanced", "%00%01")) {
            var r = server.get("/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("%2500%2501", "%00%01"), PUBLIC_KEY);
            assertThat(r.status()).as(q + ": " + r.body()).isIn(200, 422);
        }
    }

    @Test void aShoppersSearchIsLoggedAndTeachesSuggestions() {
        server.get("/v1/search?q=gaming+laptop&anonymous_id=d-8", PUBLIC_KEY);
        var r = server.get("/v1/search?q=gaming+laptop&anonymous_id=d-9&session_id=s-9", PUBLIC_KEY);
        assertThat(ids(r)).contains("L3");
        String searchId = r.json().get("search_id").asText();
        assertThat(searchId).startsWith("srch-");
        var log = server.get("/v1/events?limit=100", ADMIN_KEY);
        assertThat(log.body()).contains(searchId).contains("\"gaming laptop\"");

        var suggest = server.get("/v1/search/suggest?q=kes", PUBLIC_KEY);
        assertThat(suggest.status()).isEqualTo(200);
        assertThat(suggest.body()).contains("Kestrel");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!server.get("/v1/search/suggest?q=gam", PUBLIC_KEY).body().contains("gaming laptop") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.get("/v1/search/suggest?q=gam", PUBLIC_KEY).body()).contains("gaming laptop");
    }
}
