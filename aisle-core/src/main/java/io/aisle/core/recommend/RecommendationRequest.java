package io.aisle.core.recommend;

import io.aisle.core.validation.Text;
import io.aisle.core.validation.ValidationException;

import java.util.Objects;

/**
 * One ask for recommendations.
 *
 * @param limit   how many items, 1..{@value #MAX_LIMIT}
 * @param variant the experiment arm whose models rank the list, or null for the default
 * @param fresh   compute from live state only, skipping every cached and precomputed list (costs more; for
 *                debugging and for measuring the real-time path)
 */
public record RecommendationRequest(Surface surface, int limit, String variant, boolean fresh) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public RecommendationRequest {
        Objects.requireNonNull(surface, "surface");
        if (limit < 1 || limit > MAX_LIMIT) throw new ValidationException("limit", "must be 1.." + MAX_LIMIT + ", got " + limit);
        if (variant != null) Text.requireId("variant", variant);
    }

    public static RecommendationRequest of(Surface surface, int limit) { return new RecommendationRequest(surface, limit, null, false); }

    public RecommendationRequest withVariant(String name) { return new RecommendationRequest(surface, limit, name, fresh); }

    public RecommendationRequest withFresh(boolean on) { return new RecommendationRequest(surface, limit, variant, on); }
}
