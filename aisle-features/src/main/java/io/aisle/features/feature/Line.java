package io.aisle.features.feature;

import io.aisle.core.catalog.ProductId;

/**
 * One item line of an event, resolved against the catalogue.
 *
 * @param listing the listing the line counts towards (the parent of a variant)
 * @param facts   what the catalogue knows about it; null for an unknown product
 * @param price   the unit price the shopper saw; NaN when the event gave none
 */
record Line(ProductId listing, ItemFacts facts, double price, int quantity) {
    String category() { return facts == null ? "" : facts.category(); }

    String brand() { return facts == null ? "" : facts.brand(); }
}
