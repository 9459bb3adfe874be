package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.server.TestServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random malformed input over real HTTP: whatever arrives, the answer is never a 5xx and nothing invalid is
 * stored. Each generated event or product starts valid and gets one to three mutations that each make it invalid.
 */
class MalformedInputProperties {
    private static TestServer server;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @BeforeContainer static void start() { server = TestServer.start(); }

    @AfterContainer static void stop() { server.close(); }

    @Property(tries = 150)
    void malformedEventsAreRefusedOneByOneAndNeverStored(@ForAll("badEvents") List<ObjectNode> events) {
        long before = server.server().storage().events().count();
        ObjectNode body = NODES.objectNode();
        body.putArray("events").addAll(events);
        var r = server.post("/v1/events", PUBLIC_KEY, body.toString());

        assertThat(r.status()).as(r.body()).isIn(400, 413, 422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors")).as("every refusal names fields").isNotEmpty();
        r.json().get("errors").forEach(e -> {
            assertThat(e.get("field").asText()).isNotBlank();
            assertThat(e.get("reason").asText()).isNotBlank();
        });
        assertThat(server.server().storage().events().count()).isEqualTo(before);
    }

    @Property(tries = 150)
    void arbitraryBodiesNeverCauseA5xxOnEvents(@ForAll("anyBodies") String body) {
        long before = server.server().storage().events().count();
        var r = server.post("/v1/events", PUBLIC_KEY, body);
        assertThat(r.status()).as(body).isBetween(400, 499);
        assertThat(server.server().storage().events().count()).isEqualTo(before);
    }

    @Property(tries = 150)
    void malformedProductsAreRefusedAndNeverStored(@ForAll("badProducts") ObjectNode product) {
        long before = server.server().storage().catalog().count();
        String id = product.path("id").isTextual() && product.path("id").textValue().matches("[A-Za-z0-9_-]{1,40}")
                ? product.path("id").textValue() : "P-prop";
        var r = server.put("/v1/products/" + id, ADMIN_KEY, product.toString());

        assertThat(r.status()).as(product.toString() + " -> " + r.body()).isIn(400, 413, 422);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(server.server().storage().catalog().count()).isEqualTo(before);
        assertThat(server.get("/v1/products/" + id, PUBLIC_KEY).status()).isEqualTo(404);
    }

    @Property(tries = 100)
    void arbitraryBodiesNeverCauseA5xxOnProducts(@ForAll("anyBodies") String body) {
        long before = server.server().storage().catalog().count();
        var put = server.put("/v1/products/P-any", ADMIN_KEY, body);
        var batch = server.post("/v1/catalog/batch", ADMIN_KEY, body);
        assertThat(put.status()).as(body).isBetween(400, 499);
        assertThat(batch.status()).as(body).isBetween(400, 499);
        assertThat(server.server().storage().catalog().count()).isEqualTo(before);
    }

    // ---- events ----

    @Provide Arbitrary<List<ObjectNode>> badEvents() {
        return badEvent().list().ofMinSize(1).ofMaxSize(5);
    }

    private Arbitrary<ObjectNode> badEvent() {
        Arbitrary<ObjectNode> valid = Arbitraries.of("view_item", "add_to_cart", "purchase", "search", "dwell", "scroll",
                "image_zoom", "filter_applied", "page_view").flatMap(name -> Arbitraries.integers().between(0, 1_000_000)
                .map(n -> validEvent(name, n)));
        Arbitrary<List<UnaryOperator<ObjectNode>>> mutations = eventMutation().list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(valid, mutations).as((event, ms) -> {
            ObjectNode e = event;
            for (UnaryOperator<ObjectNode> m : ms) e = m.apply(e);
            return e;
        });
    }

    private static ObjectNode validEvent(String name, int n) {
        ObjectNode e = NODES.objectNode();
        e.put("event_id", "prop-" + n);
        e.put("name", name);
        e.put("anonymous_id", "anon-" + n);
        e.put("session_id", "s-" + n);
        e.put("timestamp", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n).toString());
        switch (name) {
            case "search" -> e.put("query", "red shoes");
            case "dwell" -> e.put("dwell_ms", 1200);
            case "scroll" -> e.put("scroll_pct", 50);
            case "image_zoom" -> e.put("zoom", 2.0);
            case "filter_applied" -> e.putObject("filters").putArray("brand").add("Norvik");
            default -> { }
        }
        if (!name.equals("search") && !name.equals("page_view") && !name.equals("scroll") && !name.equals("filter_applied")) {
            e.putArray("items").addObject().put("item_id", "P" + n).put("price", 19.99).put("quantity", 1);
        }
        return e;
    }

    private Arbitrary<UnaryOperator<ObjectNode>> eventMutation() {
        Arbitrary<String> required = Arbitraries.of("event_id", "name", "session_id", "timestamp");
        Arbitrary<JsonNode> wrongType = Arbitraries.of(NODES.numberNode(7), NODES.booleanNode(true), NODES.arrayNode(),
                NODES.objectNode(), NODES.numberNode(-1.5));
        Arbitrary<String> junk = Arbitraries.strings().ofMinLength(0).ofMaxLength(30);
        return Arbitraries.oneOf(
                required.map(f -> e -> without(e, f)),
                Combinators.combine(required, wrongType).as((f, v) -> e -> with(e, f, v)),
                Arbitraries.just(e -> without(without(e, "anonymous_id"), "shopper_id")),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(k -> e -> with(e, "x_" + k, NODES.textNode("?"))),
                junk.map(s -> e -> with(e, "name", NODES.textNode("zz" + s))),
                junk.map(s -> e -> with(e, "timestamp", NODES.textNode("not a time " + s))),
                Arbitraries.of(" ", " lead", "a/b", "q?x", "\u0000x", "é".repeat(300), "").map(s -> e -> with(e, "event_id", NODES.textNode(s))),
                Arbitraries.just(e -> with(e, "timestamp", NODES.textNode(Instant.now().plusSeconds(3 * 86_400).toString()))),
                Arbitraries.integers().between(-1000, 0).map(q -> e -> with(e, "items",
                        NODES.arrayNode().add(NODES.objectNode().put("item_id", "P1").put("quantity", q)))),
                Arbitraries.doubles().between(-1e6, -0.01).map(p -> e -> with(e, "items",
                        NODES.arrayNode().add(NODES.objectNode().put("item_id", "P1").put("price", p)))),
                wrongType.map(v -> e -> with(e, "items", NODES.arrayNode().add(v))),
                Arbitraries.integers().between(101, 100_000).map(p -> e -> with(e, "scroll_pct", NODES.numberNode(p))),
                Arbitraries.longs().between(Long.MIN_VALUE, -1).map(d -> e -> with(e, "dwell_ms", NODES.numberNode(d))),
                Arbitraries.of("usd", "EURO", "XYZ", "12").map(c -> e -> with(with(e, "value", NODES.numberNode(5)), "currency", NODES.textNode(c))),
                Arbitraries.just(e -> with(e, "context", NODES.objectNode().put("devise", "mobile"))),
                Arbitraries.just(e -> with(e, "", NODES.numberNode(1))));
    }

    // ---- products ----

    @Provide Arbitrary<ObjectNode> badProducts() {
        Arbitrary<ObjectNode> valid = Arbitraries.integers().between(0, 1_000_000).map(MalformedInputProperties::validProduct);
        return Combinators.combine(valid, productMutation().list().ofMinSize(1).ofMaxSize(3)).as((product, ms) -> {
            ObjectNode p = product;
            for (UnaryOperator<ObjectNode> m : ms) p = m.apply(p);
            return p;
        });
    }

    private static ObjectNode validProduct(int n) {
        ObjectNode p = NODES.objectNode();
        p.put("id", "prop-" + n);
        p.put("title", "Trail Runner " + n);
        p.put("price", 89.95);
        p.put("currency", "EUR");
        p.putArray("category_path").add("Shoes").add("Running Shoes");
        p.putObject("attributes").put("drop", 8).put("waterproof", true);
        p.putObject("stock").put("web", 3);
        p.putArray("images").add("https://cdn.example.com/" + n + ".jpg");
        return p;
    }

    private Arbitrary<UnaryOperator<ObjectNode>> productMutation() {
        Arbitrary<JsonNode> wrongType = Arbitraries.of(NODES.numberNode(7), NODES.booleanNode(false), NODES.arrayNode(),
                NODES.objectNode());
        return Arbitraries.oneOf(
                // Not "id": PUT takes the id from the path when the body has none.
                Arbitraries.of("title", "price", "currency").map(f -> p -> without(p, f)),
                Combinators.combine(Arbitraries.of("title", "currency", "category_path", "attributes", "stock", "images"), wrongType)
                        .as((f, v) -> p -> with(p, f, v.isArray() && (f.equals("category_path") || f.equals("images"))
                                ? NODES.arrayNode().add(NODES.numberNode(1)) : v.isObject() && (f.equals("attributes") || f.equals("stock"))
                                ? NODES.objectNode().set("k", NODES.arrayNode().add(NODES.objectNode())) : v)),
                Arbitraries.doubles().between(-1e6, -0.01).map(v -> p -> with(p, "price", NODES.numberNode(v))),
                Arbitraries.of("eur", "EURO", "QQQ", "").map(c -> p -> with(p, "currency", NODES.textNode(c))),
                Arbitraries.integers().between(-1000, -1).map(s -> p -> with(p, "stock", NODES.objectNode().put("web", s))),
                Arbitraries.of("ftp://x/y.jpg", "//cdn/x.jpg", "image.jpg", " ").map(u -> p -> with(p, "images", NODES.arrayNode().add(u))),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(k -> p -> with(p, "x_" + k, NODES.textNode("?"))),
                Arbitraries.just(p -> with(p, "title", NODES.textNode("   "))),
                Arbitraries.just(p -> with(p, "title", NODES.textNode("t".repeat(501)))),
                Arbitraries.just(p -> with(p, "parent_id", p.path("id").isTextual() ? p.get("id") : NODES.textNode("prop-x"))
                        .put("id", p.path("id").isTextual() ? p.get("id").textValue() : "prop-x")),
                Arbitraries.just(p -> with(p, "", NODES.numberNode(1))));
    }

    // ---- arbitrary bodies ----

    @Provide Arbitrary<String> anyBodies() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(0).ofMaxLength(200);
        Arbitrary<String> jsonish = Arbitraries.strings().withChars("{}[]\":,0123456789.-etruflasn ").ofMinLength(1).ofMaxLength(80);
        Arbitrary<String> shapes = Arbitraries.of("null", "[]", "{}", "1", "\"events\"", "{\"events\": null}",
                "{\"events\": {}}", "{\"events\": [null, 1, \"x\", []]}", "{\"events\": [{}], \"more\": 1}",
                "{\"products\": [{}]}", "{\"products\": \"x\"}", "{\"a\":1,\"a\":2}", "[".repeat(200), "{\"events\": [] } x");
        return Arbitraries.oneOf(text, jsonish, shapes);
    }

    private static ObjectNode without(ObjectNode n, String field) {
        ObjectNode copy = n.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static ObjectNode with(ObjectNode n, String field, JsonNode value) {
        ObjectNode copy = n.deepCopy();
        copy.set(field, value);
        return copy;
    }
}
