package io.aisle.search.retrieve;

/**
 * A candidate after reciprocal rank fusion.
 *
 * @param lexicalRank  1-based rank in the lexical list, 0 when absent
 * @param lexicalScore BM25 score, NaN when absent
 * @param vectorRank   1-based rank in the vector list, 0 when absent
 * @param similarity   cosine similarity to the query vector, NaN when absent
 */
public record Fused(int doc, double score, int lexicalRank, float lexicalScore, int vectorRank, float similarity) {}
