package io.aisle.embeddings.shopper;

import java.time.Duration;

/**
 * Bounds and recency of {@link ShopperVectors}.
 *
 * @param maxItems        items remembered per shopper for the long-term vector; the weakest is forgotten first
 * @param maxSessionItems item signals remembered from the latest session; the oldest is forgotten first
 * @param sessionHalfLife half-life of signals within the session, much shorter than the long-term one
 */
public record ShopperVectorParams(int maxItems, int maxSessionItems, Duration sessionHalfLife) {
    public ShopperVectorParams {
        if (maxItems < 1) throw new IllegalArgumentException("maxItems must be at least 1, got " + maxItems);
        if (maxSessionItems < 1) throw new IllegalArgumentException("maxSessionItems must be at least 1, got " + maxSessionItems);
        if (sessionHalfLife == null || sessionHalfLife.isNegative() || sessionHalfLife.isZero()) {
            throw new IllegalArgumentException("sessionHalfLife must be positive");
        }
    }

    /** 200 items long-term, 30 session signals, 10-minute session half-life. */
    public static ShopperVectorParams defaults() { return new ShopperVectorParams(200, 30, Duration.ofMinutes(10)); }
}
