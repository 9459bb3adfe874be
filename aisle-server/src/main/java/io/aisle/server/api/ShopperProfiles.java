package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.json.ShopperJson;
import io.aisle.core.port.ShopperStore;
import io.aisle.core.shopper.Shopper;
import io.aisle.core.shopper.ShopperId;
import io.aisle.ingest.ShopperErasure;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Composes a shopper's profile: the stored record ({@code shopper_id, traits, consents, linked_ids}) followed by
 * every registered {@link ProfileSection}, in registration order. Shared by the API and the console page, so both
 * show the same thing.
 */
public final class ShopperProfiles {
    /** Keys of the stored record; sections may not take them. */
    public static final List<String> RECORD_KEYS = List.of("shopper_id", "traits", "consents", "linked_ids");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final ShopperStore store;
    private final ShopperJson codec;
    private final List<ProfileSection> sections;

    /** Checks the section names now, so a clash fails at startup naming both, not on the first profile read. */
    public ShopperProfiles(ShopperStore store, ShopperJson codec, List<? extends ProfileSection> sections) {
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.sections = List.copyOf(sections);
        Set<String> taken = new HashSet<>(RECORD_KEYS);
        for (ProfileSection s : this.sections) {
            String name = s.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("profile section name '" + name + "' of " + s.getClass().getName()
                        + " must be lower snake case, at most 64 characters");
            }
            if (!taken.add(name)) {
                throw new IllegalArgumentException("profile section '" + name + "' of " + s.getClass().getName()
                        + " clashes with " + (RECORD_KEYS.contains(name) ? "the stored record's key" : "another section"));
            }
        }
    }

    /** Names of the registered sections, in order. */
    public List<String> sectionNames() { return sections.stream().map(ProfileSection::name).toList(); }

    /** The profile, or empty when neither the store nor any section knows anything about the shopper. */
    public Optional<ObjectNode> profile(ShopperId id) {
        Optional<Shopper> stored = store.get(id);
        Shopper shopper = stored.orElseGet(() -> new Shopper(id, null, null, null));
        Set<String> keys = ShopperErasure.actorKeys(id, shopper.anonymousIds());
        ObjectNode profile = codec.encode(shopper);
        boolean known = stored.isPresent();
        for (ProfileSection s : sections) {
            Optional<JsonNode> part = Objects.requireNonNullElse(s.section(id, keys), Optional.empty());
            if (part.isPresent() && !part.get().isNull() && !part.get().isMissingNode()) {
                profile.set(s.name(), part.get());
                known = true;
            }
        }
        return known ? Optional.of(profile) : Optional.empty();
    }
}
