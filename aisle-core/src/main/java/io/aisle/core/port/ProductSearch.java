package io.aisle.core.port;

import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.Suggestion;

import java.util.List;

/** Product search as the rest of the system sees it (the assistant, the API): no Lucene types cross this port. */
public interface ProductSearch {

    SearchResults search(SearchRequest request);

    /** Completions for what a shopper has typed so far, best first; from past searches and the catalogue. */
    List<Suggestion> suggest(String prefix, int limit);
}
