package io.aisle.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.util.List;

/** Random JSON trees for property tests, biased towards the field names and value shapes the codecs look at. */
public final class JsonTrees {
    private JsonTrees() {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings a validator finds interesting: ids, names, timestamps, currencies, blanks, separators, long text. */
    public static Arbitrary<String> interestingStrings() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "  x ", "A-1", "a/b", "view_item", "purchase", "search", "dwell", "image_zoom",
                        "filter_applied", "page_view", "USD", "usd", "EUR", "XXX", "2026-02-10T09:15:20Z", "2099-01-01T00:00:00Z",
                        "2026-02-10", "yesterday", "12.99", "-1", "1e400", "0E-1000000", "NaN", "true", "https://x.example/a",
                        "/img/a.jpg", "//evil", "javascript:alert(1)", "a|b|c", "web:5|store:x", "A > B > C", " > ", "\u0000",
                        "\uD800", "\u202E", "x".repeat(600), "y".repeat(2100), "z".repeat(20_001)),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12));
    }

    public static Arbitrary<JsonNode> leaves() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.integers().between(-3, 300).map(NODES::numberNode),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e15"), new BigDecimal("1e15")).ofScale(3).map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("1E+400"), new BigDecimal("1E-400"), new BigDecimal("0E-1000"), new BigDecimal("0.001"))
                        .map(NODES::numberNode),
                Arbitraries.doubles().between(-1e6, 1e6).map(NODES::numberNode),
                interestingStrings().map(NODES::textNode));
    }

    /** A random tree at most {@code depth} levels deep, objects keyed mostly by {@code fieldNames}. */
    public static Arbitrary<JsonNode> trees(int depth, List<String> fieldNames) {
        if (depth == 0) return leaves();
        Arbitrary<JsonNode> child = trees(depth - 1, fieldNames);
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(fieldNames), Arbitraries.of(fieldNames), interestingStrings());
        Arbitrary<JsonNode> arrays = child.list().ofMaxSize(3).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(keys, child).ofMaxSize(5).map(m -> {
            ObjectNode o = NODES.objectNode();
            o.setAll(m);
            return o;
        });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaves()),
                net.jqwik.api.Tuple.of(1, arrays),
                net.jqwik.api.Tuple.of(3, objects));
    }

    /** Whether the string can be written as UTF-8 unchanged (no lone surrogate halves). */
    public static boolean encodable(String s) {
        return java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(s);
    }

    /** Text that is half structure characters, to reach the parsers' corners. */
    public static Arbitrary<String> noisyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\",:\t\n\r<>/&;|=# abcgxyz019.-_!?").ofMaxLength(400),
                Arbitraries.strings().ofMaxLength(300),
                interestingStrings());
    }
}
