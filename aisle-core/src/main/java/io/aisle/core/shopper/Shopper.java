package io.aisle.core.shopper;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A shopper: their id, the anonymous ids linked to them, what is known about them and what they allowed. */
public record Shopper(ShopperId id, Set<AnonymousId> anonymousIds, Map<String, Trait> traits, List<Consent> consents) {
    public Shopper {
        Objects.requireNonNull(id, "id");
        anonymousIds = Set.copyOf(anonymousIds == null ? Set.of() : anonymousIds);
        traits = Map.copyOf(traits == null ? Map.of() : traits);
        consents = List.copyOf(consents == null ? List.of() : consents);
    }

    /** The latest recorded decision for a purpose; absent consent means not granted. */
    public boolean allows(Consent.Purpose purpose) {
        return latest(purpose).map(Consent::granted).orElse(false);
    }

    /** The latest decision for a purpose; of two recorded at the same instant, the later in the list. */
    public java.util.Optional<Consent> latest(Consent.Purpose purpose) {
        return consents.stream().filter(c -> c.purpose() == purpose)
                .reduce((a, b) -> b.recordedAt().isBefore(a.recordedAt()) ? a : b);
    }
}
