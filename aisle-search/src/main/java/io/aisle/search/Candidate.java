package io.aisle.search;

import io.aisle.core.catalog.ProductId;
import io.aisle.search.rank.RankFeatures;

/** A retrieved product with its re-ranker features, for training and evaluating re-rankers. */
public record Candidate(ProductId id, RankFeatures features) {}
