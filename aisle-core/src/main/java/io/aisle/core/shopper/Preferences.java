package io.aisle.core.shopper;

import io.aisle.core.catalog.Money;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a shopper told the shop they want (zero-party data), read from their traits: budget, sizes per kind, brands
 * liked and disliked. Absent facts are null or empty.
 */
public record Preferences(Money budget, Map<String, String> sizes, List<String> likedBrands, List<String> dislikedBrands) {
    public Preferences {
        sizes = Map.copyOf(sizes);
        likedBrands = List.copyOf(likedBrands);
        dislikedBrands = List.copyOf(dislikedBrands);
    }

    /** The shopper's preferences; a stored value that does not read (never written through validation) is skipped. */
    public static Preferences of(Shopper shopper) {
        Money budget = null;
        Trait b = shopper.traits().get(Traits.BUDGET);
        if (b != null) {
            try {
                budget = Traits.budget(b.value());
            } catch (RuntimeException e) {
                budget = null; // a malformed value is no budget, not a failure of the whole profile
            }
        }
        Map<String, String> sizes = new TreeMap<>();
        shopper.traits().forEach((name, t) -> {
            String kind = Traits.sizeKind(name);
            if (kind != null) sizes.put(kind, t.value());
        });
        return new Preferences(budget, sizes, brands(shopper, Traits.LIKED_BRANDS), brands(shopper, Traits.DISLIKED_BRANDS));
    }

    private static List<String> brands(Shopper shopper, String name) {
        Trait t = shopper.traits().get(name);
        return t == null ? List.of() : Traits.list(t.value());
    }
}
