package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;

/** A candidate as a ranker scored it, with the reason and source that count most for it. */
public record Ranked(ProductId id, double score, String reason, String source) {}
