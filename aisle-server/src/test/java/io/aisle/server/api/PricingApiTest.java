package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Pricing over real HTTP: recommend inside guardrails, approve, apply, read the audit log; bad input names the field. */
class PricingApiTest {
    /** Juice sold at 2.49 and 2.29 with units that imply an elasticity near -3; a 10% max change and .x9 endings. */
    private static final String REQUEST = """
            {"as_of": "2026-03-02", "objective": {"type": "profit"},
             "products": [{"id": "oj-64", "cost": 1.60, "current_price": 2.49, "competitor_price": 2.39, "stock": 400,
               "price_history": [{"date": "2026-02-02", "price": 2.49, "units": 100}, {"date": "2026-02-09", "price": 2.29, "units": 128},
                                 {"date": "2026-02-16", "price": 2.49, "units": 98}, {"date": "2026-02-23", "price": 2.29, "units": 131}],
               "guardrails": {"min_margin": 0.2, "max_change": 0.1, "competitor_max": 1.1, "ladder": {"endings": ["9"]}}},
              {"id": "oj-96", "cost": 2.50, "current_price": 3.99, "base_units": 40,
               "guardrails": {"max_change": 0.05, "min_advertised_price": 3.79}}]}
            """;

    private TestServer server;

    @BeforeEach void start() { server = TestServer.start(); }

    @AfterEach void stop() { server.close(); }

    @Test void recommends_inside_guardrails_then_approve_and_apply_leave_an_audit_trail() {
        // oj-64 is in the catalogue, so applying its price changes what shoppers see; oj-96 is not.
        TestServer.Response put = server.put("/v1/products/oj-64", ADMIN_KEY, """
                {"title": "Orange juice 64 oz", "brand": "Tropicana", "category_path": ["Grocery", "Juice"], "price": 2.49,
                 "currency": "USD", "stock": {"main": 400}}
                """);
        assertThat(put.status()).as(put.body()).isIn(200, 201);
        TestServer.Response created = server.post("/v1/pricing/recommendations", ADMIN_KEY, REQUEST);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode recs = created.json().get("recommendations");
        assertThat(recs).hasSize(2);
        JsonNode oj = recs.get(0);
        assertThat(oj.get("product_id").asText()).isEqualTo("oj-64");
        double price = oj.get("price").asDouble();
        // Guardrails: margin 20% over 1.60 (>= 2.00), within 10% of 2.49, at most 1.1 x 2.39 = 2.629, ending in 9 cents.
        assertThat(price).isBetween(2.241, 2.629);
        assertThat(Math.round(price * 100) % 10).isEqualTo(9);
        assertThat(oj.get("elasticity").get("mean").asDouble()).isBetween(-4.5, -1.5);
        assertThat(oj.get("elasticity").get("lo90").asDouble()).isLessThan(oj.get("elasticity").get("hi90").asDouble());
        JsonNode units = oj.get("expected").get("units");
        assertThat(units.get("p10").asDouble()).isLessThan(units.get("p50").asDouble());
        assertThat(units.get("p50").asDouble()).isLessThan(units.get("p90").asDouble());
        assertThat(oj.get("expected").get("stock_out_risk").asDouble()).isBetween(0.0, 1.0);
        assertThat(oj.get("binding_guardrails").isArray()).isTrue();
        assertThat(oj.get("curve").size()).isGreaterThan(10);
        assertThat(oj.get("status").asText()).isEqualTo("proposed");
        // No sales history: the prior elasticity (-2) prices the 96 oz up, held by its 5% max change.
        JsonNode big = recs.get(1);
        assertThat(big.get("price").asDouble()).isEqualTo(4.18);
        assertThat(big.get("binding_guardrails").toString()).contains("max-change");

        String id = oj.get("id").asText();
        TestServer.Response early = server.post("/v1/pricing/recommendations/" + id + "/apply", ADMIN_KEY, "{\"by\": \"ana\"}");
        assertProblem(early, 409, "conflict");
        TestServer.Response approved = server.post("/v1/pricing/recommendations/" + id + "/approve", ADMIN_KEY,
                "{\"by\": \"ana\", \"reason\": \"matches the category plan\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("approved");
        TestServer.Response applied = server.post("/v1/pricing/recommendations/" + id + "/apply", ADMIN_KEY, "{\"by\": \"ben\"}");
        assertThat(applied.json().get("status").asText()).isEqualTo("applied");
        assertThat(server.get("/v1/pricing/recommendations/" + id, ADMIN_KEY).json().get("status").asText()).isEqualTo("applied");
        assertThat(applied.json().get("status").asText()).isEqualTo("applied");
        JsonNode product = server.get("/v1/products/oj-64", PUBLIC_KEY).json();
        assertThat(product.get("price").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(price));
        assertThat(product.get("currency").asText()).isEqualTo("USD");

        JsonNode audit = server.get("/v1/pricing/audit?product_id=oj-64", ADMIN_KEY).json().get("entries");
        List<String> types = new ArrayList<>();
        audit.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("recommended", "approved", "applied");
        JsonNode approval = audit.get(1);
        assertThat(approval.get("by").asText()).isEqualTo("ana");
        assertThat(approval.get("reason").asText()).isEqualTo("matches the category plan");
        assertThat(approval.get("old_price").asDouble()).isEqualTo(2.49);
        assertThat(approval.get("new_price").asDouble()).isEqualTo(price);
        assertThat(approval.get("at").asText()).isNotBlank();
        assertThat(audit.get(2).get("by").asText()).isEqualTo("ben");
        assertThat(audit.get(2).get("catalogue").asText()).isEqualTo("updated");
        assertThat(audit.get(2).get("reason").asText()).startsWith("best expected profit");
        // The ledger is a file in the data directory: the audit survives the process.
        assertThat(server.dataDir().resolve("pricing-ledger.jsonl")).exists();
    }

    @Test void bad_input_is_422_naming_the_field() {
        TestServer.Response r = server.post("/v1/pricing/recommendations", ADMIN_KEY, """
                {"products": [{"id": "a", "cost": 1, "current_price": 2, "base_units": 10,
                               "guardrails": {"max_change": "ten"}}]}""");
        assertProblem(r, 422, "validation_failed");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("products[0].guardrails.max_change");

        r = server.post("/v1/pricing/recommendations", ADMIN_KEY, """
                {"products": [{"id": "a", "current_price": -2, "base_units": 10, "colour": "red"}]}""");
        assertProblem(r, 422, "validation_failed");
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("products[0].cost", "products[0].colour", "products[0].current_price");

        r = server.post("/v1/pricing/recommendations", ADMIN_KEY, "{\"products\": []}");
        assertProblem(r, 422, "validation_failed");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("products");

        r = server.post("/v1/pricing/recommendations", ADMIN_KEY, """
                {"objective": {"type": "fame"}, "products": [{"id": "a", "cost": 1, "current_price": 2}]}""");
        assertProblem(r, 422, "validation_failed");
        fields.clear();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("objective.type", "products[0].base_units");

        r = server.post("/v1/pricing/recommendations/pr-1/approve", ADMIN_KEY, "{}");
        assertProblem(r, 422, "validation_failed");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("by");
        assertProblem(server.post("/v1/pricing/recommendations/pr-404/approve", ADMIN_KEY, "{\"by\": \"ana\"}"), 404, "not_found");
        assertThat(server.post("/v1/pricing/recommendations", PUBLIC_KEY, REQUEST).status()).isEqualTo(403);
    }

    @Test void explore_prices_uncertain_products_by_thompson_draws_inside_their_guardrails() {
        StringBuilder history = new StringBuilder();
        for (int w = 0; w < 40; w++) {
            double price = w % 2 == 0 ? 2.49 : 1.99;
            history.append(w == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT,
                    "{\"date\": \"%s\", \"price\": %.2f, \"units\": %.1f}", java.time.LocalDate.of(2025, 1, 6).plusWeeks(w),
                    price, 100 * Math.pow(price / 2.49, -3)));
        }
        String body = """
                {"as_of": "2026-03-02", "explore": true, "products": [
                  {"id": "new", "cost": 1.0, "current_price": 2.0, "base_units": 50,
                   "guardrails": {"min_margin": 0.25, "max_change": 0.2, "ladder": {"endings": ["9"]}}},
                  {"id": "known", "cost": 1.0, "current_price": 2.49, "price_history": [%s]}]}""".formatted(history);
        java.util.Set<Double> explored = new java.util.HashSet<>();
        for (int day = 0; day < 6; day++) {
            TestServer.Response r = server.post("/v1/pricing/recommendations", ADMIN_KEY, body.replace("2026-03-02", "2026-03-0" + (day + 2)));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode fresh = r.json().get("recommendations").get(0);
            JsonNode known = r.json().get("recommendations").get(1);
            assertThat(fresh.get("exploring").asBoolean()).isTrue();
            assertThat(fresh.get("why").asText()).startsWith("exploring");
            double price = fresh.get("price").asDouble();
            assertThat(price).isBetween(1.60, 2.40); // margin 25% over cost 1 (>= 1.34) and within 20% of 2.00
            assertThat(Math.round(price * 100) % 10).isEqualTo(9);
            explored.add(price);
            // Forty weeks at two prices pin the elasticity down: no exploration.
            assertThat(known.get("exploring").asBoolean()).isFalse();
            assertThat(known.get("elasticity").get("mean").asDouble()).isCloseTo(-3.0, org.assertj.core.api.Assertions.within(0.05));
        }
        assertThat(explored.size()).isGreaterThan(1);
    }

    @Test void conflicting_guardrails_are_refused_naming_them() {
        TestServer.Response r = server.post("/v1/pricing/recommendations", ADMIN_KEY, """
                {"products": [{"id": "ok", "cost": 1, "current_price": 2, "base_units": 10},
                              {"id": "juice", "cost": 9, "current_price": 10, "base_units": 10,
                               "guardrails": {"min_margin": 0.3, "max_change": 0.1}}]}""");
        assertProblem(r, 422, "infeasible_guardrails");
        assertThat(r.json().get("detail").asText())
                .isEqualTo("product juice: guardrails conflict: min-margin needs price >= 12.86 but max-change allows at most 11.00");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("products[1].guardrails");
        assertThat(server.get("/v1/pricing/recommendations", ADMIN_KEY).json().get("recommendations")).isEmpty();
    }
}
