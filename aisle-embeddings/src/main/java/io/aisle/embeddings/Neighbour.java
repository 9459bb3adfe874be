package io.aisle.embeddings;

import io.aisle.core.catalog.ProductId;

/** An item found near a query vector, with its cosine similarity. */
public record Neighbour(ProductId id, double similarity) {}
