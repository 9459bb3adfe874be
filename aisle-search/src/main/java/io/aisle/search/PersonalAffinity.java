package io.aisle.search;

import io.aisle.core.catalog.ProductId;

import java.util.function.ToDoubleFunction;

/**
 * How much a shopper is drawn to products, in [-1, 1] (0 when unknown); blended into the ranking as a small boost.
 * The shopper's side (their taste vector, their affinities) is worked out once per search, then read per candidate.
 */
@FunctionalInterface
public interface PersonalAffinity {
    ToDoubleFunction<ProductId> of(String shopperKey);
}
