package io.aisle.search.retrieve;

import io.aisle.core.search.ParsedQuery;

/**
 * The query as the features see it.
 *
 * @param constraints every constraint the query stated (before any was relaxed), so features describe the full intent
 * @param priceBounds [min, max] with NaN for an open end, or null when the query has no price range
 * @param vector      the query's unit vector, or null
 */
public record FeatureQuery(QueryTerms terms, ParsedQuery parsed, Constraints constraints, double[] priceBounds,
                           float[] vector) {}
