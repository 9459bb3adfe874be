package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;

/** A listing one source proposes: its score (comparable within the source and request only) and why. */
public record Candidate(ProductId id, double score, String reason) {}
