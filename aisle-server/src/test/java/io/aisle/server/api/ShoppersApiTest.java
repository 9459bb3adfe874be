package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.replay.Projection;
import io.aisle.core.replay.ProjectionRunner;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;
import io.aisle.core.validation.FieldError;
import io.aisle.server.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.aisle.server.TestServer.ADMIN_KEY;
import static io.aisle.server.TestServer.PUBLIC_KEY;
import static io.aisle.server.api.EventsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Shoppers over real HTTP: zero-party traits and consent in, the profile out, and the right to erasure. */
class ShoppersApiTest {
    private static final String ISSUE_BODY = """
            {"traits": {"budget": {"amount": 120, "currency": "EUR"}, "sizes": {"shoes": "EU 42", "tops": "M"},
                        "liked_brands": ["Northpeak", "Acme"], "disliked_brands": ["Glitz"], "fit": "relaxed"},
             "consents": {"personalization": true, "marketing": false}}""";

    private TestServer server;

    @BeforeEach void start() { server = TestServer.start(); }

    @AfterEach void stop() { server.close(); }

    private static String event(String id, String shopper, String anonymous) {
        return "{\"event_id\":\"" + id + "\",\"name\":\"view_item\"," + (shopper == null ? "" : "\"shopper_id\":\"" + shopper + "\",")
                + (anonymous == null ? "" : "\"anonymous_id\":\"" + anonymous + "\",") + "\"session_id\":\"s-1\","
                + "\"timestamp\":\"" + Instant.now() + "\",\"items\":[{\"item_id\":\"P1\"}]}";
    }

    private List<String> loggedIds() {
        List<String> ids = new ArrayList<>();
        server.get("/v1/events?after=0&limit=1000", ADMIN_KEY).json().get("events")
                .forEach(e -> ids.add(e.get("event").get("event_id").asText()));
        return ids;
    }

    @Test void stated_traits_round_trip_into_the_profile() {
        var put = server.put("/v1/shoppers/u-42/traits", PUBLIC_KEY, ISSUE_BODY);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("shopper_id").asText()).isEqualTo("u-42");
        assertThat(put.json().get("traits_set")).extracting(JsonNode::asText).containsExactly(
                "budget", "disliked_brands", "fit", "liked_brands", "sizes.shoes", "sizes.tops");
        assertThat(put.json().get("consents")).extracting(JsonNode::asText).containsExactly("marketing", "personalization");

        JsonNode profile = server.get("/v1/shoppers/u-42/profile", ADMIN_KEY).json();
        assertThat(profile.get("shopper_id").asText()).isEqualTo("u-42");
        JsonNode traits = profile.get("traits");
        assertThat(traits.get("budget").get("value").get("amount").decimalValue()).isEqualByComparingTo("120");
        assertThat(traits.get("budget").get("value").get("currency").asText()).isEqualTo("EUR");
        assertThat(traits.get("budget").get("source").asText()).isEqualTo("stated");
        assertThat(Instant.parse(traits.get("budget").get("recorded_at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(traits.get("sizes").get("shoes").get("value").asText()).isEqualTo("EU 42");
        assertThat(traits.get("sizes").get("tops").get("value").asText()).isEqualTo("M");
        assertThat(traits.get("liked_brands").get("value")).extracting(JsonNode::asText).containsExactly("Northpeak", "Acme");
        assertThat(traits.get("disliked_brands").get("value")).extracting(JsonNode::asText).containsExactly("Glitz");
        assertThat(traits.get("fit").get("value").asText()).isEqualTo("relaxed");
        assertThat(profile.get("consents").get("personalization").get("granted").asBoolean()).isTrue();
        assertThat(profile.get("consents").get("marketing").get("granted").asBoolean()).isFalse();
        assertThat(profile.get("linked_ids")).isEmpty();

        // A merge: named traits change, null removes, the rest stays.
        var change = server.put("/v1/shoppers/u-42/traits", PUBLIC_KEY,
                "{\"traits\": {\"sizes\": {\"tops\": null}, \"fit\": null, \"liked_brands\": [\"Glitz\"]}}");
        assertThat(change.json().get("traits_removed")).extracting(JsonNode::asText)
                .containsExactly("disliked_brands", "fit", "sizes.tops");
        traits = server.get("/v1/shoppers/u-42/profile", ADMIN_KEY).json().get("traits");
        assertThat(traits.has("fit")).isFalse();
        assertThat(traits.get("sizes").has("tops")).isFalse();
        assertThat(traits.get("sizes").get("shoes").get("value").asText()).isEqualTo("EU 42");
        assertThat(traits.has("disliked_brands")).as("Glitz moved from disliked to liked").isFalse();
    }

    @Test void validation_errors_name_each_field() {
        var r = server.put("/v1/shoppers/u-1/traits", PUBLIC_KEY, """
                {"traits": {"budget": {"amount": -1, "currency": "EURO"}, "sizes": {"shoes": 42},
                 "liked_brands": ["Acme", "ACME"], "Not A Name": "x"},
                 "consents": {"tracking": true}, "extra": 1}""");
        assertProblem(r, 422, "validation_failed");
        List<FieldError> errors = new ArrayList<>();
        r.json().get("errors").forEach(e -> errors.add(new FieldError(e.get("field").asText(), e.get("reason").asText())));
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("extra", "traits.budget.amount",
                "traits.budget.currency", "traits.sizes.shoes", "traits.liked_brands[1]", "traits.Not A Name", "consents.tracking");
        assertThat(errors).contains(new FieldError("traits.budget.amount", "must be greater than 0"),
                new FieldError("traits.liked_brands[1]", "repeats traits.liked_brands[0]"));
        assertProblem(server.put("/v1/shoppers/u-1/traits", PUBLIC_KEY, "{\"traits\": {\"budget\": {\"amount\": 9.999, \"currency\": \"EUR\"}}}"),
                422, "validation_failed");
        assertProblem(server.put("/v1/shoppers/u%2F1/traits", PUBLIC_KEY, "{\"traits\": {\"fit\": \"slim\"}}"), 422, "validation_failed");
        assertProblem(server.put("/v1/shoppers/u-1/traits", PUBLIC_KEY, "{\"traits\": "), 400, "invalid_json");
        assertProblem(server.put("/v1/shoppers/u-1/traits", PUBLIC_KEY,
                "{\"traits\": {\"note\": \"" + "x".repeat(70_000) + "\"}}"), 413, "payload_too_large");
        assertThat(server.server().storage().shoppers().get(ShopperId.of("u-1"))).as("nothing stored").isEmpty();
    }

    @Test void imported_traits_need_the_admin_key_and_the_public_key_cannot_change_them() {
        String imported = "{\"source\": \"imported\", \"traits\": {\"loyalty_tier\": \"gold\"}}";
        assertProblem(server.put("/v1/shoppers/u-7/traits", PUBLIC_KEY, imported), 403, "forbidden");
        assertThat(server.put("/v1/shoppers/u-7/traits", ADMIN_KEY, imported).status()).isEqualTo(200);
        var overwrite = server.put("/v1/shoppers/u-7/traits", PUBLIC_KEY, "{\"traits\": {\"loyalty_tier\": \"platinum\"}}");
        assertProblem(overwrite, 403, "forbidden");
        assertThat(overwrite.json().get("detail").asText()).contains("loyalty_tier");
        JsonNode tier = server.get("/v1/shoppers/u-7/profile", ADMIN_KEY).json().get("traits").get("loyalty_tier");
        assertThat(tier.get("value").asText()).isEqualTo("gold");
        assertThat(tier.get("source").asText()).isEqualTo("imported");
    }

    @Test void the_public_key_is_refused_on_profile_and_erasure_and_no_key_on_traits() {
        server.put("/v1/shoppers/u-9/traits", PUBLIC_KEY, "{\"traits\": {\"fit\": \"slim\"}}");
        assertProblem(server.get("/v1/shoppers/u-9/profile", PUBLIC_KEY), 403, "forbidden");
        assertProblem(server.delete("/v1/shoppers/u-9", PUBLIC_KEY), 403, "forbidden");
        assertProblem(server.put("/v1/shoppers/u-9/traits", null, "{\"traits\": {\"fit\": \"slim\"}}"), 401, "unauthorized");
        // The receipt of a public write names what was sent, never what else is stored.
        var r = server.put("/v1/shoppers/u-9/traits", PUBLIC_KEY, "{\"consents\": {\"analytics\": true}}");
        assertThat(r.json().has("traits")).isFalse();
        assertThat(r.json().get("traits_set")).isEmpty();
    }

    @Test void unknown_shopper_profile_is_404() {
        assertProblem(server.get("/v1/shoppers/nobody/profile", ADMIN_KEY), 404, "not_found");
    }

    /** Records every actor key it is fed, as any derived store keyed by actor would. */
    private static final class ActorKeys implements Projection {
        final Set<String> seen = new HashSet<>();

        @Override public String name() { return "actor-keys"; }

        @Override public void apply(LoggedEvent event) { seen.add(event.event().actor().key()); }

        @Override public void reset() { seen.clear(); }

        @Override public void forget(Set<String> actorKeys) { seen.removeAll(actorKeys); }
    }

    @Test void erasure_removes_the_shoppers_events_and_their_devices_and_the_profile() {
        var ingest = server.post("/v1/events", PUBLIC_KEY, EventsApiTest.batch(
                event("before-login", null, "dev-a"),      // alice's phone before she signed in
                event("signed-in", "alice", "dev-a"),
                event("web", "alice", null),
                event("shared", "bob", "dev-a"),           // bob on alice's phone: bob's event
                event("other-device", null, "dev-b")));
        assertThat(ingest.json().get("stored").asInt()).isEqualTo(5);
        // Identity stitching is the event pipeline's job; here the link is recorded directly.
        server.server().storage().shoppers().link(ShopperId.of("alice"), AnonymousId.of("dev-a"));
        server.put("/v1/shoppers/alice/traits", PUBLIC_KEY, ISSUE_BODY);
        assertThat(server.get("/v1/shoppers/alice/profile", ADMIN_KEY).json().get("linked_ids"))
                .extracting(JsonNode::asText).containsExactly("dev-a");
        long lastOffset = server.server().storage().events().lastOffset();

        var erased = server.delete("/v1/shoppers/alice", ADMIN_KEY);
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("shopper_id").asText()).isEqualTo("alice");
        assertThat(erased.json().get("events_removed").asLong()).isEqualTo(3);
        assertThat(erased.json().get("linked_ids").asInt()).isEqualTo(1);
        assertThat(erased.json().get("record_removed").asBoolean()).isTrue();

        assertThat(loggedIds()).containsExactly("shared", "other-device");
        assertProblem(server.get("/v1/shoppers/alice/profile", ADMIN_KEY), 404, "not_found");
        ActorKeys replayed = new ActorKeys();
        new ProjectionRunner(server.server().storage().events(), 2).rebuild(List.of(replayed));
        assertThat(replayed.seen).containsExactlyInAnyOrder("s:bob", "a:dev-b");

        // Idempotent: nothing left, same answer shape.
        var again = server.delete("/v1/shoppers/alice", ADMIN_KEY);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("events_removed").asLong()).isZero();
        assertThat(again.json().get("record_removed").asBoolean()).isFalse();
        // New events never reuse the erased offsets.
        var later = server.post("/v1/events", PUBLIC_KEY, EventsApiTest.batch(event("later", "carol", null)));
        assertThat(later.json().get("last_offset").asLong()).isGreaterThan(lastOffset);
    }
}
