package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class ForecastApiTest {
    private TestServer server;

    @BeforeEach void start() {
        server = TestServer.start();
        // Twenty weeks of purchases of OJ-1: three orders a week of 2..4 units each.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> events = new ArrayList<>();
        int seq = 0;
        for (int week = 20; week >= 1; week--) {
            for (int k = 0; k < 3; k++) {
                Instant at = now.minus(7L * week, ChronoUnit.DAYS).plus(k, ChronoUnit.HOURS);
                events.add("""
                        {"event_id": "p%d", "name": "purchase", "shopper_id": "s%d", "session_id": "x%d", "timestamp": "%s",
                         "value": 9.0, "currency": "EUR", "items": [{"item_id": "OJ-1", "price": 3.0, "quantity": %d}]}
                        """.formatted(seq, seq, seq, at, 2 + (seq++ % 3)));
            }
        }
        var r = server.post("/v1/events", PUBLIC_KEY, "{\"events\": [" + String.join(",", events) + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @AfterEach void stop() { server.close(); }

    @Test void forecasts_a_sku_with_ordered_quantiles_and_its_history() {
        var r = server.get("/v1/forecasts/OJ-1?location=online&horizon=6", ADMIN_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode f = r.json();
        assertThat(f.get("sku").asText()).isEqualTo("OJ-1");
        assertThat(f.get("history").size()).isBetween(19, 21);
        assertThat(f.get("forecast")).hasSize(6);
        for (JsonNode step : f.get("forecast")) {
            JsonNode q = step.get("quantiles");
            assertThat(q.get("p10").asDouble()).isLessThanOrEqualTo(q.get("p50").asDouble());
            assertThat(q.get("p50").asDouble()).isLessThanOrEqualTo(q.get("p90").asDouble());
            assertThat(q.get("p50").asDouble()).isBetween(3.0, 15.0); // about nine units a week
        }
    }

    @Test void plans_a_reorder_point_from_the_forecast() {
        var r = server.post("/v1/inventory/plan", ADMIN_KEY, """
                {"sku": "OJ-1", "service_level": 0.95, "lead_time": {"weeks": [1, 2], "probs": [0.5, 0.5]},
                 "holding_cost": 0.2, "order_cost": 10, "on_hand": 0, "stockout_cost": 2}
                """);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.get("reorder_point").asDouble()).isGreaterThan(p.get("mean_lead_time_demand").asDouble());
        assertThat(p.get("order_now").asDouble()).isPositive();
        assertThat(p.get("newsvendor_quantity").asDouble()).isPositive();
    }

    @Test void bad_input_is_a_422_naming_the_field() {
        assertField(server.get("/v1/forecasts/OJ-1?horizon=0", ADMIN_KEY), "horizon");
        assertField(server.get("/v1/forecasts/OJ-1?horizon=abc", ADMIN_KEY), "horizon");
        assertField(server.get("/v1/forecasts/OJ-1?location=store-9", ADMIN_KEY), "location");
        assertField(server.post("/v1/inventory/plan", ADMIN_KEY, "{\"service_level\": 0.9}"), "sku");
        assertField(server.post("/v1/inventory/plan", ADMIN_KEY, "{\"sku\": \"OJ-1\", \"service_level\": 1.5}"), "service_level");
        assertField(server.post("/v1/inventory/plan", ADMIN_KEY, "{\"sku\": \"OJ-1\", \"holding_cost\": \"cheap\"}"), "holding_cost");
        assertField(server.post("/v1/inventory/plan", ADMIN_KEY,
                "{\"sku\": \"OJ-1\", \"lead_time\": {\"weeks\": [1, 2], \"probs\": [0.5, 0.1]}}"), "lead_time.probs");
    }

    @Test void unknown_sku_is_404_and_the_public_key_is_refused() {
        assertProblem(server.get("/v1/forecasts/NOPE", ADMIN_KEY), 404, "not_found");
        assertProblem(server.get("/v1/forecasts/OJ-1", PUBLIC_KEY), 403, "forbidden");
    }

    private static void assertField(TestServer.Response r, String field) {
        assertProblem(r, 422, "validation_failed");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }
}
