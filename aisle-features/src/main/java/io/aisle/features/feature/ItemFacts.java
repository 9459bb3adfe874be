package io.aisle.features.feature;

import io.aisle.core.catalog.ProductId;

import java.util.Objects;

/**
 * What features need to know about a product.
 *
 * @param listing             the product its events count towards: the parent for a variant, else itself
 * @param category            category key ({@link io.aisle.core.feature.EntityRef#categoryKey}); empty when uncategorised
 * @param brand               brand; empty when unknown
 * @param listPrice           list price; NaN when unknown
 * @param categoryMedianPrice median list price of the category; NaN when unknown
 */
public record ItemFacts(ProductId listing, String category, String brand, double listPrice, double categoryMedianPrice) {
    public ItemFacts {
        Objects.requireNonNull(listing, "listing");
        category = category == null ? "" : category;
        brand = brand == null ? "" : brand;
    }
}
