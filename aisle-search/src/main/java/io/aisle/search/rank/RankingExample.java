package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;

/**
 * One judged (query, product) pair for training: the query it belongs to, its relevance grade and its features in
 * {@link RankFeatures#NAMES} order ({@code NaN} = missing).
 *
 * @param group  identifies the query; LambdaMART compares only examples of the same group
 * @param label  relevance grade, 0 (irrelevant) up to {@link RankingParams#MAX_LABEL}
 */
public record RankingExample(String group, int label, double[] features) {
    public RankingExample {
        if (group == null) throw new ValidationException("group", "must not be null");
        if (features == null) throw new ValidationException("features", "must not be null");
        if (features.length != RankFeatures.NAMES.size()) {
            throw new ValidationException("features", "expected " + RankFeatures.NAMES.size() + " values in RankFeatures.NAMES order, got " + features.length);
        }
        if (label < 0 || label > RankingParams.MAX_LABEL) {
            throw new ValidationException("label", "must be 0.." + RankingParams.MAX_LABEL + ", got " + label);
        }
        features = features.clone(); // the caller's array may be reused for the next row
    }

    /** An example from a feature record. */
    public static RankingExample of(String group, int label, RankFeatures features) {
        return new RankingExample(group, label, features.toArray());
    }
}
