package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.json.Json;
import io.aisle.core.json.ShopperJson;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;
import io.aisle.store.embedded.EmbeddedStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the profile is composed from the stored record and the sections capabilities register. */
class ShopperProfilesTest {
    @TempDir Path dir;
    private EmbeddedStorage storage;
    private final ShopperJson codec = new ShopperJson(Json.mapper());

    @BeforeEach void open() { storage = EmbeddedStorage.open(dir); }

    @AfterEach void close() { storage.close(); }

    /** Knows about one shopper, and records the actor keys it was asked about. */
    private static final class Features implements ProfileSection {
        final List<Set<String>> asked = new ArrayList<>();

        @Override public String name() { return "features"; }

        @Override public Optional<JsonNode> section(ShopperId id, Set<String> actorKeys) {
            asked.add(actorKeys);
            if (!id.value().equals("known-to-features")) return Optional.empty();
            ObjectNode n = Json.mapper().createObjectNode().put("views_7d", 12);
            return Optional.of(n);
        }
    }

    private static ProfileSection named(String name) {
        return new ProfileSection() {
            @Override public String name() { return name; }

            @Override public Optional<JsonNode> section(ShopperId id, Set<String> actorKeys) { return Optional.empty(); }
        };
    }

    @Test void sections_follow_the_record_and_get_the_shoppers_actor_keys() {
        Features features = new Features();
        ShopperProfiles profiles = new ShopperProfiles(storage.shoppers(), codec, List.of(features, named("segments")));
        storage.shoppers().link(ShopperId.of("alice"), AnonymousId.of("dev-1"));
        ObjectNode alice = profiles.profile(ShopperId.of("alice")).orElseThrow();
        assertThat(alice.fieldNames()).toIterable().containsExactly("shopper_id", "traits", "consents", "linked_ids");
        assertThat(features.asked).containsExactly(Set.of("s:alice", "a:dev-1"));

        // Known only to a section: still a profile, with an empty record.
        ObjectNode other = profiles.profile(ShopperId.of("known-to-features")).orElseThrow();
        assertThat(other.fieldNames()).toIterable().containsExactly("shopper_id", "traits", "consents", "linked_ids", "features");
        assertThat(other.get("features").get("views_7d").asInt()).isEqualTo(12);
        assertThat(profiles.profile(ShopperId.of("nobody"))).isEmpty();
        assertThat(profiles.sectionNames()).containsExactly("features", "segments");
    }

    @Test void section_names_are_checked_at_construction() {
        assertThatThrownBy(() -> new ShopperProfiles(storage.shoppers(), codec, List.of(named("traits"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'traits'").hasMessageContaining("stored record");
        assertThatThrownBy(() -> new ShopperProfiles(storage.shoppers(), codec, List.of(named("segments"), named("segments"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another section");
        assertThatThrownBy(() -> new ShopperProfiles(storage.shoppers(), codec, List.of(named("Bad Name"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snake case");
    }
}
