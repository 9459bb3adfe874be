package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogApiTest {
    private TestServer server;

    @BeforeEach void start() { server = TestServer.start(); }

    @AfterEach void stop() { server.close(); }

    static String product(String id, String price) {
        return """
                {"id": "%s", "title": "Trail Runner %s", "description": "Light trail shoe.", "brand": "Norvik",
                 "category_path": ["Shoes", "Running Shoes"],
                 "attributes": {"colour": "red", "drop": {"value": 8, "unit": "mm"}, "waterproof": true, "sizes": ["42", "43"]},
                 "price": %s, "currency": "EUR", "stock": {"web": 5, "store-berlin": 0},
                 "images": ["https://cdn.example.com/%s.jpg"], "url": "/store/products/%s"}
                """.formatted(id, id, price, id, id);
    }

    long count() { return server.server().storage().catalog().count(); }

    @Test void putGetReplaceDelete() {
        var created = server.put("/v1/products/SKU-1", ADMIN_KEY, product("SKU-1", "89.90"));
        assertThat(created.status()).isEqualTo(201);
        var got = server.get("/v1/products/SKU-1", PUBLIC_KEY);
        assertThat(got.status()).isEqualTo(200);
        JsonNode p = got.json();
        assertThat(p.get("price").decimalValue()).isEqualByComparingTo("89.90");
        assertThat(p.get("attributes").get("drop").get("unit").asText()).isEqualTo("mm");
        assertThat(p.get("attributes").get("waterproof").asBoolean()).isTrue();
        assertThat(p.get("stock").get("web").asInt()).isEqualTo(5);
        assertThat(p.get("category_path")).extracting(JsonNode::asText).containsExactly("Shoes", "Running Shoes");

        var replaced = server.put("/v1/products/SKU-1", ADMIN_KEY, product("SKU-1", "79.90"));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(server.get("/v1/products/SKU-1", PUBLIC_KEY).json().get("price").decimalValue()).isEqualByComparingTo("79.90");

        assertThat(server.delete("/v1/products/SKU-1", ADMIN_KEY).status()).isEqualTo(204);
        assertProblem(server.get("/v1/products/SKU-1", PUBLIC_KEY), 404, "not_found");
        assertProblem(server.delete("/v1/products/SKU-1", ADMIN_KEY), 404, "not_found");

        JsonNode changes = server.get("/v1/catalog/changes?after=0", ADMIN_KEY).json().get("changes");
        assertThat(changes).extracting(c -> c.get("kind").asText()).containsExactly("upsert", "upsert", "delete");
    }

    @Test void invalidProductNamesEveryFieldAndStoresNothing() {
        var r = server.put("/v1/products/SKU-2", ADMIN_KEY,
                "{\"title\": \"\", \"price\": -1, \"currency\": \"euro\", \"stock\": {\"web\": 1.5}, \"colour\": \"red\"}");
        assertProblem(r, 422, "validation_failed");
        assertThat(r.json().get("errors")).extracting(e -> e.get("field").asText())
                .contains("title", "price", "currency", "stock.web", "colour");
        assertThat(count()).isZero();

        var mismatch = server.put("/v1/products/SKU-2", ADMIN_KEY, product("SKU-3", "1.00"));
        assertProblem(mismatch, 422, "validation_failed");
        assertThat(mismatch.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertProblem(server.put("/v1/products/SKU-2", ADMIN_KEY, "not json"), 400, "invalid_json");
        assertProblem(server.put("/v1/products/SKU-2", ADMIN_KEY, product("SKU-2", "1.999")), 422, "validation_failed");
        assertThat(count()).isZero();
    }

    @Test void batchAppliesWholeOrNothing() {
        String bad = "{\"upsert\": [" + product("A", "10") + "," + product("B", "-5") + "], \"delete\": [\"Z\"]}";
        var refused = server.post("/v1/catalog/batch", ADMIN_KEY, bad);
        assertProblem(refused, 422, "validation_failed");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("upsert[1].price");
        assertThat(count()).isZero();

        var ok = server.post("/v1/catalog/batch", ADMIN_KEY, "{\"upsert\": [" + product("A", "10") + "," + product("B", "5") + "]}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("count").asInt()).isEqualTo(2);
        assertThat(count()).isEqualTo(2);

        var mixed = server.post("/v1/catalog/batch", ADMIN_KEY, "{\"upsert\": [" + product("C", "1") + "], \"delete\": [\"A\"]}");
        assertThat(mixed.status()).isEqualTo(200);
        assertThat(server.get("/v1/products/A", PUBLIC_KEY).status()).isEqualTo(404);

        var dup = server.post("/v1/catalog/batch", ADMIN_KEY, "{\"upsert\": [" + product("D", "1") + "], \"delete\": [\"D\"]}");
        assertProblem(dup, 422, "validation_failed");
        assertThat(dup.json().get("errors").get(0).get("field").asText()).isEqualTo("delete[0]");
    }

    @Test void listsProductsInPages() {
        StringBuilder upserts = new StringBuilder();
        for (int i = 0; i < 7; i++) upserts.append(i == 0 ? "" : ",").append(product("P" + i, "1"));
        server.post("/v1/catalog/batch", ADMIN_KEY, "{\"upsert\": [" + upserts + "]}");
        var first = server.get("/v1/products?limit=5", PUBLIC_KEY).json();
        assertThat(first.get("products")).hasSize(5);
        assertThat(first.get("total").asInt()).isEqualTo(7);
        var second = server.get("/v1/products?limit=5&after=" + first.get("next_after").asText(), PUBLIC_KEY).json();
        assertThat(second.get("products")).extracting(p -> p.get("id").asText()).containsExactly("P5", "P6");
        assertThat(second.has("next_after")).isFalse();
        assertProblem(server.get("/v1/products?limit=0", PUBLIC_KEY), 422, "validation_failed");
        assertProblem(server.get("/v1/products?limit=abc", PUBLIC_KEY), 422, "validation_failed");
    }

    @Test void importsAFeedWholeOrNotAtAll() {
        String good = "id,title,brand,category_path,price,currency,stock,attr.colour\n"
                + "F1,Trail Shoe,Norvik,Shoes > Running Shoes,89.90,EUR,web:3,red\n"
                + "F2,Road Shoe,Norvik,Shoes > Running Shoes,79.00,EUR,web:0,blue\n";
        var ok = server.send("POST", "/v1/catalog/import?format=csv", ADMIN_KEY, good, "text/csv");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("products").asInt()).isEqualTo(2);
        assertThat(server.get("/v1/products/F1", PUBLIC_KEY).json().get("attributes").get("colour").asText()).isEqualTo("red");

        String bad = "id,title,price,currency\nF3,Fine,10.00,EUR\nF4,Broken,-2,EUR\n";
        var refused = server.send("POST", "/v1/catalog/import?format=csv", ADMIN_KEY, bad, "text/csv");
        assertProblem(refused, 422, "validation_failed");
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("line 3: price");
        assertThat(server.get("/v1/products/F3", PUBLIC_KEY).status()).isEqualTo(404);
        assertThat(count()).isEqualTo(2);

        assertProblem(server.send("POST", "/v1/catalog/import?format=xlsx", ADMIN_KEY, good, "text/csv"), 422, "validation_failed");
        assertProblem(server.send("POST", "/v1/catalog/import?currency=euro", ADMIN_KEY, good, "text/csv"), 422, "validation_failed");
    }
}
