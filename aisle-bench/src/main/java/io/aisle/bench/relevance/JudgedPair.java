package io.aisle.bench.relevance;

/**
 * One judged (query, product) row of the CrowdFlower search relevance data.
 *
 * @param grade       median human rating, 1 (irrelevant) .. 4 (fully satisfies)
 * @param fold        cross-validation fold the row belongs to (the dataset's cv_fold column)
 * @param description product description as given: may hold HTML, may be empty
 */
public record JudgedPair(String id, String query, String title, String description, int grade, int fold) {}
