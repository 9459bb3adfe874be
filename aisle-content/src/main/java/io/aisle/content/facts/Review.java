package io.aisle.content.facts;

import io.aisle.core.catalog.ProductId;

import java.util.Objects;

/** A shopper review of a product: rating 1 to 5, title and text. */
public record Review(ProductId productId, int rating, String title, String text) {
    public Review {
        Objects.requireNonNull(productId, "productId");
        if (rating < 1 || rating > 5) throw new IllegalArgumentException("rating must be 1..5, got " + rating);
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
