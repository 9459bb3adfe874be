package io.aisle.server.recommend;

import io.aisle.core.recommend.Surface;

import java.util.List;

/**
 * Orders a request's candidates. The default is {@link BlendRanker}, a weighted sum of the sources' scaled scores; a
 * learned ranker (gradient-boosted trees or a small network over the pool's per-source scores and item features)
 * implements this and is installed with {@link RecommendationHost#install}, without a restart.
 */
public interface Ranker {
    /** Names the ranker in the response's model version. */
    String name();

    /** Whether candidates from {@code source} matter on {@code surface}; sources nobody wants are not asked. */
    default boolean wants(Surface surface, String source) { return true; }

    /** The candidates best first, each with its reason and source. */
    List<Ranked> rank(CandidatePool pool);
}
