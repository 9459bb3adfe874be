package io.aisle.server.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.json.Json;
import io.aisle.core.validation.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Any JSON either decodes to rules that encode back to themselves, or is refused naming fields; nothing else. */
class RulesCodecProperties {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> NAMES = List.of("pins", "boosts", "repeat_purchase_categories", "recently_bought_days",
            "diversity", "exploration", "surface", "product_id", "position", "category", "brand", "factor", "other");
    private final RulesCodec codec = new RulesCodec(Json.mapper());

    @Property(tries = 500)
    void decodesOrRefusesByField(@ForAll("documents") JsonNode doc) {
        MerchandisingRules rules;
        try {
            rules = codec.decode(doc);
        } catch (ValidationException e) {
            assertThat(e.errors()).isNotEmpty().allSatisfy(err -> assertThat(err.field()).isNotBlank());
            return;
        }
        assertThat(codec.decode(codec.encode(rules))).isEqualTo(rules);
    }

    @Property(tries = 50)
    void validRulesRoundTrip(@ForAll("pins") int position, @ForAll("factors") double factor) {
        ObjectNode doc = F.objectNode();
        doc.putArray("pins").addObject().put("surface", "home").put("product_id", "P1").put("position", position);
        doc.putArray("boosts").addObject().put("brand", "Acme").put("factor", factor);
        doc.put("diversity", 0.25);
        MerchandisingRules rules = codec.decode(doc);
        assertThat(rules.pins().getFirst().position()).isEqualTo(position);
        assertThat(codec.decode(codec.encode(rules))).isEqualTo(rules);
    }

    @Property(tries = 50)
    void anOutOfRangePinIsNamedWithItsPath(@ForAll("badPositions") int position) {
        ObjectNode doc = F.objectNode();
        doc.putArray("pins").addObject().put("product_id", "P1").put("position", position);
        assertThatThrownBy(() -> codec.decode(doc)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(x -> x.field()).containsExactly("pins[0].position"));
    }

    @Provide Arbitrary<Integer> pins() { return Arbitraries.integers().between(1, 100); }

    @Provide Arbitrary<Integer> badPositions() { return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0), Arbitraries.integers().greaterOrEqual(101)); }

    @Provide Arbitrary<Double> factors() { return Arbitraries.doubles().between(0.01, 100); }

    @Provide Arbitrary<JsonNode> documents() { return value(3); }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 150).map(F::numberNode),
                Arbitraries.doubles().between(-2, 200).map(F::numberNode),
                Arbitraries.of("", "P1", "home", "all", "Acme", " x ", "a/b").map(F::textNode),
                Arbitraries.just(F.nullNode()), Arbitraries.of(true, false).map(F::booleanNode));
        if (depth == 0) return leaf;
        Arbitrary<JsonNode> array = value(depth - 1).list().ofMaxSize(3).map(items -> {
            var a = F.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Combinators.combine(Arbitraries.of(NAMES), value(depth - 1)).as((k, v) -> (Object) new Object[]{k, v})
                .list().ofMaxSize(4).map(pairs -> {
                    ObjectNode o = F.objectNode();
                    for (Object p : pairs) o.set((String) ((Object[]) p)[0], (JsonNode) ((Object[]) p)[1]);
                    return o;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, leaf), net.jqwik.api.Tuple.of(1, array), net.jqwik.api.Tuple.of(3, object));
    }
}
