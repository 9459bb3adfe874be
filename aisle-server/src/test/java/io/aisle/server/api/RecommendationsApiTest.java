package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static io.aisle.server.api.SmallStore.ids;
import static io.aisle.server.api.SmallStore.item;
import static org.assertj.core.api.Assertions.assertThat;

/** The four surfaces over real HTTP on a small simulated store: related items, reasons, sources, validation. */
class RecommendationsApiTest {
    private static TestServer server;
    private static SmallStore store;

    @BeforeAll static void start() {
        server = TestServer.start();
        store = new SmallStore(server).seed();
    }

    @AfterAll static void stop() { server.close(); }

    private static JsonNode get(String path) {
        var r = server.get(path, PUBLIC_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test void similarItemsAreThoseViewedTogetherAndNeverTheProductItself() {
        JsonNode trail = get("/v1/recommendations/similar/T1?limit=5");
        assertThat(trail.get("surface").asText()).isEqualTo("similar");
        assertThat(trail.get("product_id").asText()).isEqualTo("T1");
        assertThat(ids(trail).subList(0, 2)).containsExactlyInAnyOrder("T2", "T3");
        assertThat(ids(trail)).doesNotContain("T1").hasSizeLessThanOrEqualTo(5);
        assertThat(trail.get("items").get(0).get("source").asText()).isEqualTo("co-visitation");
        assertThat(trail.get("items").get(0).get("reason").asText()).isEqualTo("often viewed with Trail Shoe");
        assertThat(trail.get("model_version").asText()).startsWith("aisle-blend-1");
        assertThat(ids(get("/v1/recommendations/similar/K1?limit=2"))).containsExactlyInAnyOrder("K2", "K3");
    }

    @Test void boughtTogetherFollowsPurchasesAndLeavesTheCartOut() {
        JsonNode espresso = get("/v1/recommendations/bought-together?items=K1&limit=3");
        assertThat(ids(espresso).getFirst()).isEqualTo("K3");
        assertThat(espresso.get("items").get(0).get("reason").asText()).isEqualTo("often bought with Espresso Maker");
        JsonNode cart = get("/v1/recommendations/bought-together?items=T1,T2");
        assertThat(ids(cart)).doesNotContain("T1", "T2");
        assertThat(ids(cart).getFirst()).isEqualTo("T3");
        assertThat(cart.get("cart")).extracting(JsonNode::asText).containsExactly("T1", "T2");
        // An id the catalogue does not have is ignored while another one exists.
        assertThat(ids(get("/v1/recommendations/bought-together?items=GONE,K1&limit=3")).getFirst()).isEqualTo("K3");
    }

    @Test void homeFeedOfAShopperFollowsTheirHistoryWithReasons() {
        store.post(List.of(store.event("view_item", "\"shopper_id\": \"reader\"", "r1", item("R1"), 200)));
        store.await();
        JsonNode feed = get("/v1/recommendations/home?shopper_id=reader&limit=6");
        assertThat(feed.get("shopper_id").asText()).isEqualTo("reader");
        assertThat(ids(feed).getFirst()).isEqualTo("R2");
        assertThat(feed.get("items").get(0).get("reason").asText()).isEqualTo("because you viewed Rain Jacket");
        assertThat(ids(feed)).doesNotContain("R1").doesNotHaveDuplicates();
        // Diversity: other departments follow rather than more of one category.
        assertThat(ids(feed)).anyMatch(id -> id.startsWith("K") || id.startsWith("E"));
    }

    @Test void aNewcomerGetsBestSellersAndABoundedShareOfExploration() {
        JsonNode feed = get("/v1/recommendations/home?device_id=first-visit&limit=10&fresh=true");
        assertThat(feed.get("device_id").asText()).isEqualTo("first-visit");
        assertThat(feed.get("shopper_id").isNull()).isTrue();
        assertThat(ids(feed)).hasSize(10).doesNotHaveDuplicates();
        List<JsonNode> items = StreamSupport.stream(feed.get("items").spliterator(), false).toList();
        assertThat(items).filteredOn(i -> i.get("source").asText().equals("exploration")).hasSize(1)
                .allSatisfy(i -> assertThat(i.get("reason").asText()).isEqualTo("new arrival"));
        assertThat(items).anySatisfy(i -> assertThat(i.get("reason").asText()).startsWith("popular"));
        // The same shopper gets the same exploration picks all day.
        assertThat(ids(get("/v1/recommendations/home?device_id=first-visit&limit=10&fresh=true"))).isEqualTo(ids(feed));
    }

    @Test void nextInSessionBuildsOnTheSessionAndSkipsWhatItHolds() {
        store.post(List.of(store.event("view_item", "\"shopper_id\": \"browser\"", "live-1", item("K1"), 300)));
        store.await();
        JsonNode next = get("/v1/recommendations/next?shopper_id=browser&session_id=live-1&limit=4");
        assertThat(next.get("session_id").asText()).isEqualTo("live-1");
        assertThat(next.get("served_from").asText()).isEqualTo("realtime");
        assertThat(ids(next)).doesNotContain("K1");
        assertThat(ids(next).subList(0, 2)).containsExactlyInAnyOrder("K2", "K3");
    }

    @Test void badRequestsNameTheField() {
        assertField(server.get("/v1/recommendations/home", PUBLIC_KEY), "shopper_id");
        assertField(server.get("/v1/recommendations/home?shopper_id=hiker-1&limit=0", PUBLIC_KEY), "limit");
        assertField(server.get("/v1/recommendations/home?shopper_id=hiker-1&limit=many", PUBLIC_KEY), "limit");
        assertField(server.get("/v1/recommendations/home?device_id=" + "d".repeat(129), PUBLIC_KEY), "device_id");
        assertField(server.get("/v1/recommendations/home?shopper_id=hiker-1&variant=nope", PUBLIC_KEY), "variant");
        assertField(server.get("/v1/recommendations/home?shopper_id=hiker-1&fresh=maybe", PUBLIC_KEY), "fresh");
        assertField(server.get("/v1/recommendations/bought-together", PUBLIC_KEY), "items");
        assertField(server.get("/v1/recommendations/bought-together?items=K1,,K2", PUBLIC_KEY), "items");
        assertField(server.get("/v1/recommendations/bought-together?items=" + "K1,".repeat(51) + "K2", PUBLIC_KEY), "items");
        assertField(server.get("/v1/recommendations/next?shopper_id=hiker-1", PUBLIC_KEY), "session_id");
        assertField(server.get("/v1/recommendations/similar/T1?limit=101", PUBLIC_KEY), "limit");
        assertProblem(server.get("/v1/recommendations/similar/NOPE", PUBLIC_KEY), 404, "not_found");
        assertProblem(server.get("/v1/recommendations/bought-together?items=NOPE,GONE", PUBLIC_KEY), 404, "not_found");
        assertProblem(server.get("/v1/recommendations/similar/T1", null), 401, "unauthorized");
    }

    private static void assertField(TestServer.Response r, String field) {
        assertProblem(r, 422, "validation_failed");
        assertThat(r.json().get("errors").get(0).get("field").asText()).as(r.body()).isEqualTo(field);
    }
}
