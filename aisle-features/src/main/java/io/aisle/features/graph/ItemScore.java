package io.aisle.features.graph;

import io.aisle.core.catalog.ProductId;

/** An item and its decayed edge weight. */
public record ItemScore(ProductId item, double weight) {}
