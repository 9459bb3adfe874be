package io.aisle.core.search;

/** Result orderings a caller may ask for. */
public enum SearchSort { RELEVANCE, PRICE_ASC, PRICE_DESC, POPULARITY }
