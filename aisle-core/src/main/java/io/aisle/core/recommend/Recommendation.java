package io.aisle.core.recommend;

import io.aisle.core.catalog.ProductId;

import java.util.Objects;

/**
 * One recommended product.
 *
 * @param score  the ranker's score after merchandising boosts; comparable within one list only (0 for merchant pins
 *               and exploration slots, which are placed rather than ranked)
 * @param reason a short phrase a storefront may show: "because you viewed Trail Shoe", "popular in Running", "trending"
 * @param source the candidate source that contributed most (co-visitation, behaviour, content, trending, pin...)
 */
public record Recommendation(ProductId product, double score, String reason, String source) {
    public Recommendation {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
    }
}
