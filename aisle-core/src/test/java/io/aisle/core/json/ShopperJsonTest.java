package io.aisle.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.catalog.Money;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.Consent;
import io.aisle.core.shopper.Preferences;
import io.aisle.core.shopper.Shopper;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.shopper.ShopperUpdate;
import io.aisle.core.shopper.Trait;
import io.aisle.core.shopper.Trait.Source;
import io.aisle.core.validation.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShopperJsonTest {
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final ShopperId ID = ShopperId.of("u-42");
    private static final Shopper NOBODY = new Shopper(ID, null, null, null);

    private final ObjectMapper mapper = Json.mapper();
    private final ShopperJson codec = new ShopperJson(mapper);

    private JsonNode json(String s) {
        try {
            return mapper.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ShopperJson.Request ok(String body, Shopper current) {
        Decoded<ShopperJson.Request> d = codec.decodeUpdate(json(body), current, AT);
        assertThat(d.errors()).isEmpty();
        return d.value();
    }

    private List<FieldError> errors(String body, Shopper current) {
        Decoded<ShopperJson.Request> d = codec.decodeUpdate(json(body), current, AT);
        assertThat(d.isValid()).as("should be refused: " + body).isFalse();
        return d.errors();
    }

    private static Shopper apply(Shopper s, ShopperUpdate u) {
        Map<String, Trait> traits = new HashMap<>(s.traits());
        u.removedTraits().forEach(traits::remove);
        u.traits().forEach(t -> traits.put(t.name(), t));
        List<Consent> consents = new java.util.ArrayList<>(s.consents());
        consents.addAll(u.consents());
        return new Shopper(s.id(), s.anonymousIds(), traits, consents);
    }

    @Test void decodes_the_zero_party_traits_and_consents_of_the_issue() {
        ShopperJson.Request r = ok("{'traits': {'budget': {'amount': 120, 'currency': 'EUR'}, 'sizes': {'shoes': 'EU 42', 'tops': 'M'},"
                + " 'liked_brands': ['Acme', 'Northpeak'], 'disliked_brands': ['Dolce & Gabbana, Milano'], 'fit': 'relaxed'},"
                + " 'consents': {'personalization': true, 'marketing': false}}", NOBODY);
        assertThat(r.source()).isEqualTo(Source.STATED);
        assertThat(r.update().traits()).containsExactlyInAnyOrder(
                new Trait("budget", "120.00 EUR", Source.STATED, AT), new Trait("size.shoes", "EU 42", Source.STATED, AT),
                new Trait("size.tops", "M", Source.STATED, AT), new Trait("liked_brands", "Acme\nNorthpeak", Source.STATED, AT),
                new Trait("disliked_brands", "Dolce & Gabbana, Milano", Source.STATED, AT), new Trait("fit", "relaxed", Source.STATED, AT));
        assertThat(r.update().consents()).containsExactly(new Consent(Consent.Purpose.PERSONALIZATION, true, AT),
                new Consent(Consent.Purpose.MARKETING, false, AT));

        Shopper s = apply(NOBODY, r.update());
        Preferences p = Preferences.of(s);
        assertThat(p.budget()).isEqualTo(Money.of("120", "EUR"));
        assertThat(p.sizes()).containsExactlyInAnyOrderEntriesOf(Map.of("shoes", "EU 42", "tops", "M"));
        assertThat(p.likedBrands()).containsExactly("Acme", "Northpeak");
        assertThat(p.dislikedBrands()).containsExactly("Dolce & Gabbana, Milano");
    }

    @Test void encodes_traits_in_the_shape_they_were_sent_with_source_and_time() {
        ShopperJson.Request r = ok("{'traits': {'budget': {'amount': 99.5, 'currency': 'USD'}, 'sizes': {'shoes': 'US 9'},"
                + " 'liked_brands': ['Acme'], 'fit': 'slim'}, 'consents': {'analytics': true}, 'source': 'imported'}", NOBODY);
        Shopper s = apply(new Shopper(ID, Set.of(AnonymousId.of("d-2"), AnonymousId.of("d-1")), null, null), r.update());
        JsonNode out = codec.encode(s);
        assertThat(out.get("shopper_id").asText()).isEqualTo("u-42");
        JsonNode traits = out.get("traits");
        assertThat(traits.get("budget").get("value")).isEqualTo(json("{'amount': 99.50, 'currency': 'USD'}"));
        assertThat(traits.get("budget").get("source").asText()).isEqualTo("imported");
        assertThat(traits.get("budget").get("recorded_at").asText()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(traits.get("sizes").get("shoes").get("value").asText()).isEqualTo("US 9");
        assertThat(traits.get("liked_brands").get("value")).isEqualTo(json("['Acme']"));
        assertThat(traits.get("fit").get("value").asText()).isEqualTo("slim");
        assertThat(out.get("consents").get("analytics")).isEqualTo(json("{'granted': true, 'recorded_at': '2026-03-01T12:00:00Z'}"));
        assertThat(out.get("linked_ids")).isEqualTo(json("['d-1', 'd-2']"));
    }

    @Test void every_bad_field_is_named_with_its_reason() {
        List<FieldError> errors = errors("{'traits': {'budget': {'amount': -5, 'currency': 'eur', 'cents': 1},"
                + " 'sizes': {'Shoes': 'EU 42', 'tops': 7, 'hats': ''}, 'liked_brands': ['Acme', 'acme', 3],"
                + " 'disliked_brands': 'Acme', 'Bad Name': 'x', 'note': 12, 'long': '" + "x".repeat(300) + "'},"
                + " 'consents': {'tracking': true, 'marketing': 'yes'}, 'colour': 1}", NOBODY);
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "colour", "traits.budget.cents", "traits.budget.amount", "traits.budget.currency",
                "traits.sizes.Shoes", "traits.sizes.tops", "traits.sizes.hats",
                "traits.liked_brands[1]", "traits.liked_brands[2]", "traits.disliked_brands",
                "traits.Bad Name", "traits.note", "traits.long", "consents.tracking", "consents.marketing");
        Map<String, String> reasons = new HashMap<>();
        errors.forEach(e -> reasons.put(e.field(), e.reason()));
        assertThat(reasons.get("traits.budget.amount")).isEqualTo("must be greater than 0");
        assertThat(reasons.get("traits.budget.currency")).contains("ISO 4217");
        assertThat(reasons.get("traits.liked_brands[1]")).isEqualTo("repeats traits.liked_brands[0]");
        assertThat(reasons.get("traits.liked_brands[2]")).contains("string");
        assertThat(reasons.get("traits.sizes.Shoes")).contains("lower-case");
        assertThat(reasons.get("traits.long")).isEqualTo("must be at most 256 characters");
        assertThat(reasons.get("consents.tracking")).contains("analytics, marketing, personalization");
        assertThat(reasons.get("consents.marketing")).isEqualTo("must be true or false");
    }

    @Test void budget_checks_type_precision_and_range() {
        assertThat(errors("{'traits': {'budget': {'amount': '120', 'currency': 'EUR'}}}", NOBODY))
                .containsExactly(new FieldError("traits.budget.amount", "must be a number"));
        assertThat(errors("{'traits': {'budget': {'amount': 1.005, 'currency': 'EUR'}}}", NOBODY))
                .containsExactly(new FieldError("traits.budget.amount", "has more than 2 decimals for EUR"));
        assertThat(errors("{'traits': {'budget': {'amount': 1e12, 'currency': 'JPY'}}}", NOBODY))
                .extracting(FieldError::field).containsExactly("traits.budget.amount");
        assertThat(errors("{'traits': {'budget': 120}}", NOBODY)).extracting(FieldError::field).containsExactly("traits.budget");
        assertThat(errors("{'traits': {'budget': {'amount': 5}}}", NOBODY))
                .containsExactly(new FieldError("traits.budget.currency", "is required"));
    }

    @Test void the_envelope_is_checked() {
        assertThat(errors("{}", NOBODY)).extracting(FieldError::field).containsExactly("traits");
        assertThat(errors("[]", NOBODY)).extracting(FieldError::field).containsExactly("body");
        assertThat(errors("{'traits': {}, 'source': 'inferred'}", NOBODY))
                .containsExactly(new FieldError("source", "inferred traits are derived by the engine; send 'stated' or 'imported'"));
        assertThat(errors("{'traits': [], 'consents': 1}", NOBODY)).extracting(FieldError::field)
                .containsExactlyInAnyOrder("traits", "consents");
    }

    @Test void null_and_empty_lists_remove_traits() {
        Shopper stored = apply(NOBODY, ok("{'traits': {'budget': {'amount': 50, 'currency': 'GBP'}, 'sizes': {'shoes': 'UK 8',"
                + " 'tops': 'S'}, 'liked_brands': ['Acme'], 'fit': 'slim'}}", NOBODY).update());
        ShopperUpdate u = ok("{'traits': {'budget': null, 'liked_brands': [], 'fit': null, 'sizes': {'shoes': null}}}", stored).update();
        assertThat(u.traits()).isEmpty();
        assertThat(u.removedTraits()).containsExactlyInAnyOrder("budget", "liked_brands", "fit", "size.shoes");
        assertThat(ok("{'traits': {'sizes': null}}", stored).update().removedTraits())
                .containsExactlyInAnyOrder("size.shoes", "size.tops");
    }

    @Test void a_brand_liked_and_disliked_in_one_request_is_refused() {
        assertThat(errors("{'traits': {'liked_brands': ['Acme'], 'disliked_brands': ['Zeta', 'ACME']}}", NOBODY))
                .containsExactly(new FieldError("traits.disliked_brands[1]", "'ACME' is also in liked_brands"));
    }

    @Test void a_newly_liked_brand_leaves_the_stored_dislikes_and_the_reverse() {
        Shopper stored = apply(NOBODY, ok("{'traits': {'disliked_brands': ['Zeta', 'Omega'], 'liked_brands': ['Acme']}}",
                NOBODY).update());
        ShopperUpdate u = ok("{'traits': {'liked_brands': ['Acme', 'zeta']}}", stored).update();
        Shopper after = apply(stored, u);
        assertThat(Preferences.of(after).likedBrands()).containsExactly("Acme", "zeta");
        assertThat(Preferences.of(after).dislikedBrands()).containsExactly("Omega");
        // Disliking the only liked brand empties (removes) the liked list.
        u = ok("{'traits': {'disliked_brands': ['ACME', 'Zeta']}}", stored).update();
        assertThat(u.removedTraits()).containsExactly("liked_brands");
        assertThat(Preferences.of(apply(stored, u)).dislikedBrands()).containsExactly("ACME", "Zeta");
    }

    @Test void limits_count_what_is_already_stored() {
        Map<String, Trait> many = new HashMap<>();
        for (int i = 0; i < 100; i++) many.put("t" + i, new Trait("t" + i, "v", Source.STATED, AT));
        Shopper full = new Shopper(ID, null, many, null);
        assertThat(errors("{'traits': {'one_more': 'x'}}", full))
                .containsExactly(new FieldError("traits", "a shopper may hold at most 100 traits; this update would leave 101"));
        ok("{'traits': {'t1': 'replaced', 't2': null, 'one_more': 'x'}}", full);
        assertThat(errors("{'traits': {'liked_brands': [" + "'b',".repeat(50) + "'b']}}", NOBODY))
                .containsExactly(new FieldError("traits.liked_brands", "must have at most 50 brands"));
    }
}
