package io.aisle.search;

import io.aisle.search.rank.RankFeatures;

/** Scores a retrieved candidate for re-ranking (higher is better); the learned re-ranker implements it. Thread-safe. */
@FunctionalInterface
public interface CandidateScorer {
    double score(RankFeatures features);
}
