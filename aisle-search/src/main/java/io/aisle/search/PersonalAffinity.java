package io.aisle.search;

import io.aisle.core.catalog.ProductId;

/** How much a shopper is drawn to a product, in [-1, 1] (0 when unknown); blended into the ranking as a small boost. */
@FunctionalInterface
public interface PersonalAffinity {
    double affinity(String shopperKey, ProductId id);
}
