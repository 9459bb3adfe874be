package io.aisle.core.shopper;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One change to what is stored about a shopper, applied in one transaction: traits to set (each replaces any earlier
 * value of its name), trait names to remove, and consent decisions to record.
 */
public record ShopperUpdate(List<Trait> traits, Set<String> removedTraits, List<Consent> consents) {
    public ShopperUpdate {
        traits = List.copyOf(Objects.requireNonNull(traits, "traits"));
        removedTraits = Set.copyOf(Objects.requireNonNull(removedTraits, "removedTraits"));
        consents = List.copyOf(Objects.requireNonNull(consents, "consents"));
        for (Trait t : traits) {
            // Setting and removing one name in the same update has no sensible order.
            if (removedTraits.contains(t.name())) throw new IllegalArgumentException("trait '" + t.name() + "' is both set and removed");
        }
    }

    public static ShopperUpdate traits(List<Trait> traits) { return new ShopperUpdate(traits, Set.of(), List.of()); }

    public static ShopperUpdate consents(List<Consent> consents) { return new ShopperUpdate(List.of(), Set.of(), consents); }

    public boolean isEmpty() { return traits.isEmpty() && removedTraits.isEmpty() && consents.isEmpty(); }
}
