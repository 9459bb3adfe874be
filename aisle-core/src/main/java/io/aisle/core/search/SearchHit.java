package io.aisle.core.search;

import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.ProductId;

/** One result, with why it was returned. */
public record SearchHit(ProductId id, String title, String brand, Money price, boolean inStock, double score,
                        HitExplanation explanation) {}
