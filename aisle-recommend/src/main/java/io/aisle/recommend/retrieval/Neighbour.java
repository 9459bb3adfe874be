package io.aisle.recommend.retrieval;

/** An item found near a query vector, with its cosine similarity to the query. */
public record Neighbour(int item, float score) {}
