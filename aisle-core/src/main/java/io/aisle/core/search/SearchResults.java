package io.aisle.core.search;

import java.util.List;

/**
 * A page of results.
 *
 * @param total      matching products over all pages (a lower bound when the engine stops counting early)
 * @param relaxed    constraints dropped to recover from zero results, each with the reason, in the order dropped
 * @param didYouMean a suggested query when the text looked misspelt, or null
 */
public record SearchResults(ParsedQuery query, long total, List<SearchHit> hits, List<Facet> facets,
                            String didYouMean, List<String> relaxed, double tookMs) {
    public SearchResults {
        hits = List.copyOf(hits);
        facets = List.copyOf(facets);
        relaxed = List.copyOf(relaxed);
    }
}
