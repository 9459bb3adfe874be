package io.aisle.search.retrieve;

/** A document in one retriever's list: its doc id in the searcher used and that retriever's score. */
public record Ranked(int doc, float score) {}
