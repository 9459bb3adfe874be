package io.aisle.content.rank;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What shoppers did with one served text: listing impressions and clicks, page views and add-to-carts.
 *
 * @param keyValues the product's key attribute values, for the coverage feature
 */
public record ServedOutcome(String productId, String variant, String text, List<String> keyValues, Locale locale,
                            long impressions, long clicks, long views, long carts) {
    public ServedOutcome {
        Objects.requireNonNull(text, "text");
        keyValues = List.copyOf(keyValues);
        locale = locale == null ? Locale.ENGLISH : locale;
        if (clicks > impressions || carts > views) throw new IllegalArgumentException("more successes than trials for " + productId + "/" + variant);
    }
}
