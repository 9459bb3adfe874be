package io.aisle.core.port;

import io.aisle.core.recommend.RecommendationRequest;
import io.aisle.core.recommend.Recommendations;

/**
 * Recommendations for a surface (home feed, similar items, bought together, next in session): candidate generation,
 * ranking, merchandising rules and caching behind one call.
 */
public interface Recommender {
    /**
     * @throws NotFoundException when the surface is about products none of which exists
     * @throws io.aisle.core.validation.ValidationException when the request names an unknown variant
     */
    Recommendations recommend(RecommendationRequest request);
}
