package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.core.catalog.ProductId;
import io.aisle.server.TestServer;
import io.aisle.server.recommend.BlendRanker;
import io.aisle.server.recommend.BlendWeights;
import io.aisle.server.recommend.HistoryScorer;
import io.aisle.server.recommend.ItemVocabulary;
import io.aisle.server.recommend.ModelSource;
import io.aisle.server.recommend.RecommendationHost;
import io.aisle.server.recommend.RecommenderModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.SmallStore.ids;
import static io.aisle.server.api.SmallStore.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists stay true to what happens: a shopper's event changes their next feed without retraining, a product out of
 * stock or deleted leaves every surface within a second, and a repeated request is a cache hit until an event.
 */
class RecommendationFreshnessApiTest {
    private TestServer server;
    private SmallStore store;

    @BeforeEach void start() {
        server = TestServer.start();
        store = new SmallStore(server).seed();
    }

    @AfterEach void stop() { server.close(); }

    private JsonNode get(String path) {
        var r = server.get(path, PUBLIC_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test void aNewEventChangesTheShoppersHomeFeedWithoutRetraining() {
        var model = server.server().personalization().behaviourModel().orElse(null);
        JsonNode before = get("/v1/recommendations/home?shopper_id=newbie&limit=5");
        assertThat(before.get("items").get(0).get("reason").asText()).doesNotStartWith("because you viewed");

        store.post(List.of(store.event("view_item", "\"shopper_id\": \"newbie\"", "n1", item("E1"), -1)));
        store.await();
        JsonNode after = get("/v1/recommendations/home?shopper_id=newbie&limit=5");
        assertThat(after.get("served_from").asText()).isEqualTo("realtime");
        assertThat(ids(after).getFirst()).isEqualTo("E2");
        assertThat(after.get("items").get(0).get("reason").asText()).isEqualTo("because you viewed Tea Kettle");
        assertThat(ids(after)).isNotEqualTo(ids(before)).doesNotContain("E1");
        // The same behaviour vectors (or none) served both lists: the feed changed from the live graph, not a new model.
        // Compared by the model itself: behaviourModel() wraps it in a new Optional on every call.
        assertThat(server.server().personalization().behaviourModel().orElse(null)).isSameAs(model);
        assertThat(after.get("model_version").asText()).isEqualTo(before.get("model_version").asText());
    }

    @Test void aRepeatIsACacheHitUntilTheShopperActs() {
        double hits = counter("final", "hit"), stale = counter("final", "stale");
        JsonNode first = get("/v1/recommendations/home?shopper_id=hiker-3&limit=5");
        assertThat(first.get("served_from").asText()).isIn("precomputed", "realtime");
        JsonNode second = get("/v1/recommendations/home?shopper_id=hiker-3&limit=5");
        assertThat(second.get("served_from").asText()).isEqualTo("cache");
        assertThat(ids(second)).isEqualTo(ids(first));
        assertThat(counter("final", "hit")).isEqualTo(hits + 1);
        // Another limit, variant or surface is another list.
        assertThat(get("/v1/recommendations/home?shopper_id=hiker-3&limit=6").get("served_from").asText()).isNotEqualTo("cache");
        assertThat(get("/v1/recommendations/similar/K2").get("served_from").asText()).isEqualTo("precomputed");
        assertThat(get("/v1/recommendations/similar/K2").get("served_from").asText()).isEqualTo("cache");
        assertThat(get("/v1/recommendations/home?shopper_id=hiker-3&limit=5&fresh=true").get("served_from").asText()).isEqualTo("realtime");

        store.post(List.of(store.event("view_item", "\"shopper_id\": \"hiker-3\"", "h3-later", item("K1"), -1)));
        store.await();
        JsonNode third = get("/v1/recommendations/home?shopper_id=hiker-3&limit=5");
        assertThat(third.get("served_from").asText()).isEqualTo("realtime");
        assertThat(counter("final", "stale")).isEqualTo(stale + 1);
        assertThat(ids(third)).contains("K3");
    }

    @Test void aProductOutOfStockOrDeletedLeavesEverySurfaceWithinASecond() {
        store.post(List.of(
                store.event("view_item", "\"shopper_id\": \"scout\"", "sc-1", item("T1"), 400),
                store.event("view_item", "\"anonymous_id\": \"x\"", "dx-1", item("T1"), 400)));
        store.await();
        Map<String, String> surfaces = Map.of(
                "home", "/v1/recommendations/home?shopper_id=scout&limit=10",
                "home (device)", "/v1/recommendations/home?device_id=x&limit=10",
                "similar", "/v1/recommendations/similar/T1?limit=10",
                "bought-together", "/v1/recommendations/bought-together?items=T1&limit=10",
                "next", "/v1/recommendations/next?shopper_id=scout&session_id=sc-1&limit=10");
        surfaces.forEach((name, path) -> {
            assertThat(ids(get(path))).as(name).contains("T2", "T3");
            assertThat(ids(get(path))).as(name + " again").contains("T2", "T3"); // now cached
        });

        store.put("T2", "Trail Sock", "Outdoors", "Trail", 0);
        assertThat(gone("T2", surfaces)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(server.delete("/v1/products/T3", ADMIN_KEY).status()).isIn(200, 204);
        assertThat(gone("T3", surfaces)).isLessThanOrEqualTo(Duration.ofSeconds(1));

        // Back in stock, it comes back.
        store.put("T2", "Trail Sock", "Outdoors", "Trail", 5);
        store.awaitCatalogue();
        assertThat(ids(get("/v1/recommendations/similar/T1?limit=10"))).contains("T2");
    }

    @Test void erasureDropsTheShoppersCachedListsAndTheirTrail() {
        store.post(List.of(store.event("view_item", "\"shopper_id\": \"leaver\"", "l1", item("R1"), 500)));
        store.await();
        JsonNode before = get("/v1/recommendations/home?shopper_id=leaver&limit=5");
        assertThat(get("/v1/recommendations/home?shopper_id=leaver&limit=5").get("served_from").asText()).isEqualTo("cache");
        assertThat(before.get("items").get(0).get("reason").asText()).isEqualTo("because you viewed Rain Jacket");
        assertThat(server.delete("/v1/shoppers/leaver", ADMIN_KEY).status()).isEqualTo(200);
        JsonNode after = get("/v1/recommendations/home?shopper_id=leaver&limit=5");
        assertThat(after.get("served_from").asText()).isNotEqualTo("cache");
        assertThat(after.get("items")).noneSatisfy(i -> assertThat(i.get("reason").asText()).startsWith("because you"));
    }

    @Test void modelsAreSwappedWhileServing() {
        RecommendationHost host = server.server().recommendations();
        // A trained model joins as one more source (here a stand-in that likes tea leaves whatever the history).
        ItemVocabulary vocabulary = new ItemVocabulary(Arrays.stream(SmallStore.PRODUCTS).map(p -> ProductId.of(p[0])).toList());
        int tea = vocabulary.indexOf(ProductId.of("E2"));
        HistoryScorer scorer = (history, scores) -> scores[tea] = 5;
        host.install("tea-model", RecommenderModels.standard().with(new ModelSource("tea-model", scorer, vocabulary, 50), "blend+tea-1"));
        JsonNode withModel = get("/v1/recommendations/home?shopper_id=hiker-1&limit=5&variant=tea-model");
        assertThat(withModel.get("variant").asText()).isEqualTo("tea-model");
        assertThat(withModel.get("model_version").asText()).startsWith("blend+tea-1");
        assertThat(withModel.get("items")).anySatisfy(i -> {
            assertThat(i.get("product_id").asText()).isEqualTo("E2");
            assertThat(i.get("source").asText()).isEqualTo("tea-model");
        });

        JsonNode cached = get("/v1/recommendations/home?shopper_id=hiker-1&limit=5");
        assertThat(get("/v1/recommendations/home?shopper_id=hiker-1&limit=5").get("served_from").asText()).isEqualTo("cache");
        host.install(RecommendationHost.DEFAULT_VARIANT, new RecommenderModels("aisle-blend-2", RecommenderModels.standardSources(),
                new BlendRanker(BlendWeights.defaults())));
        JsonNode swapped = get("/v1/recommendations/home?shopper_id=hiker-1&limit=5");
        assertThat(swapped.get("model_version").asText()).startsWith("aisle-blend-2").isNotEqualTo(cached.get("model_version").asText());
        assertThat(swapped.get("served_from").asText()).isNotEqualTo("cache");
    }

    /** How long until no surface shows the product, polling; fails after five seconds. */
    private Duration gone(String id, Map<String, String> surfaces) {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            boolean anywhere = surfaces.values().stream().anyMatch(path -> ids(get(path)).contains(id));
            if (!anywhere) return Duration.ofNanos(System.nanoTime() - started);
            SmallStore.sleep();
        }
        throw new AssertionError(id + " still shown after 5 s");
    }

    private double counter(String tier, String result) {
        String metrics = server.get("/metrics", null).body();
        Matcher m = Pattern.compile("aisle_recommendations_cache_total\\{([^}]*)\\} (\\S+)").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("tier=\"" + tier + "\"") && m.group(1).contains("result=\"" + result + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
