package io.aisle.features.graph;

/** A normalised search query (trimmed, lower case, single spaces) and its decayed edge weight. */
public record QueryScore(String query, double weight) {}
