/**
 * Nearest-neighbour retrieval over item vectors: an HNSW index on Lucene ({@link io.aisle.recommend.retrieval.VectorIndex})
 * and exact search to check it against ({@link io.aisle.recommend.retrieval.ExactSearch}). Scores are cosine similarities.
 */
package io.aisle.recommend.retrieval;
