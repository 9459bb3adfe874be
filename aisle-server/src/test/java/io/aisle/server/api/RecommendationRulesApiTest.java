package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import io.aisle.server.recommend.RecommendationHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static io.aisle.server.api.SmallStore.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** Merchant rules over HTTP: pins and boosts change lists at once, bad rules are refused by field, rules are stored. */
class RecommendationRulesApiTest {
    private static TestServer server;

    @BeforeAll static void start() {
        server = TestServer.start();
        new SmallStore(server).seed();
    }

    @AfterAll static void stop() { server.close(); }

    @Test void pinsAndBoostsApplyToTheNextRequest() {
        JsonNode defaults = server.get("/v1/recommendations/rules", ADMIN_KEY).json();
        assertThat(defaults.get("pins")).isEmpty();
        assertThat(defaults.get("diversity").asDouble()).isEqualTo(0.3);
        assertThat(ids(server.get("/v1/recommendations/similar/T1?limit=3", PUBLIC_KEY).json()).getFirst()).isNotEqualTo("E2");

        var put = server.put("/v1/recommendations/rules", ADMIN_KEY, """
                {"pins": [{"surface": "similar", "product_id": "E2", "position": 1}],
                 "boosts": [{"product_id": "T3", "factor": 50}, {"category": ["Kitchen", "Coffee"], "factor": 0.5}],
                 "repeat_purchase_categories": [["Kitchen", "Coffee"]], "diversity": 0, "exploration": 0}
                """);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("pins").get(0).get("product_id").asText()).isEqualTo("E2");

        JsonNode similar = server.get("/v1/recommendations/similar/T1?limit=3", PUBLIC_KEY).json();
        assertThat(ids(similar).subList(0, 2)).containsExactly("E2", "T3");
        assertThat(similar.get("items").get(0).get("reason").asText()).isEqualTo("featured");
        assertThat(similar.get("items").get(0).get("source").asText()).isEqualTo("pin");
        // A pin for one surface stays off the others.
        assertThat(server.get("/v1/recommendations/bought-together?items=K1", PUBLIC_KEY).json().get("items"))
                .noneSatisfy(i -> assertThat(i.get("source").asText()).isEqualTo("pin"));
        assertThat(server.server().storage().models().latest(RecommendationHost.RULES_MODEL)).isPresent();
        assertThat(server.get("/v1/recommendations/rules", ADMIN_KEY).json().get("repeat_purchase_categories").get(0))
                .extracting(JsonNode::asText).containsExactly("Kitchen", "Coffee");
    }

    @Test void badRulesAreRefusedNamingEachField() {
        var r = server.put("/v1/recommendations/rules", ADMIN_KEY, """
                {"pins": [{"surface": "checkout", "product_id": "E2", "position": 0}],
                 "boosts": [{"brand": "Acme", "category": ["Kitchen"], "factor": -1}],
                 "diversity": 2, "colour": "red"}
                """);
        assertProblem(r, 422, "validation_failed");
        assertThat(r.json().get("errors")).extracting(e -> e.get("field").asText())
                .contains("pins[0].surface", "pins[0].position", "boosts[0]", "boosts[0].factor", "diversity", "colour");
        assertProblem(server.put("/v1/recommendations/rules", PUBLIC_KEY, "{}"), 403, "forbidden");
        assertProblem(server.put("/v1/recommendations/rules", ADMIN_KEY, "[1, 2]"), 422, "validation_failed");
    }
}
