package io.aisle.search;

/**
 * A document in final order.
 *
 * @param rerank the {@link CandidateScorer}'s score, or null when it did not score this document
 * @param boost  the personal boost added, or null when none was
 */
record Scored(int doc, double score, Double rerank, Double boost) {}
