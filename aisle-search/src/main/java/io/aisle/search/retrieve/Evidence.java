package io.aisle.search.retrieve;

import io.aisle.core.catalog.ProductId;
import io.aisle.search.rank.RankFeatures;

import java.util.List;
import java.util.Map;

/**
 * What is known of one candidate for one query: its re-ranker features and, for explanations, the query words it
 * matched per field and the constraints it meets.
 */
public record Evidence(ProductId id, RankFeatures features, Map<String, List<String>> matchedTerms,
                       List<String> constraintsMet) {
    public Evidence {
        matchedTerms = Map.copyOf(matchedTerms);
        constraintsMet = List.copyOf(constraintsMet);
    }
}
