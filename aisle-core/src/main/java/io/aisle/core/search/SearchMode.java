package io.aisle.core.search;

/** Which retrievers a search runs. */
public enum SearchMode {
    /** Lexical and vector retrieval fused, then re-ranked: the default. */
    HYBRID,
    /** BM25 over the fielded index only. */
    LEXICAL,
    /** Nearest neighbours of the query's vector only. */
    VECTOR
}
