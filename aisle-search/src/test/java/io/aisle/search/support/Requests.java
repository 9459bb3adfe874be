package io.aisle.search.support;

import io.aisle.core.search.SearchHit;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.SearchSort;

import java.util.List;
import java.util.Map;

/** Short ways to write search requests and read results in tests. */
public final class Requests {
    private Requests() {}

    public static SearchRequest lexical(String q) { return SearchRequest.of(q).withMode(SearchMode.LEXICAL); }

    public static SearchRequest filtered(String q, Map<String, List<String>> filters) {
        return new SearchRequest(q, filters, null, null, false, SearchSort.RELEVANCE, SearchMode.LEXICAL, 0, 10, null, false);
    }

    public static SearchRequest priced(String q, Double min, Double max) {
        return new SearchRequest(q, Map.of(), min, max, false, SearchSort.RELEVANCE, SearchMode.LEXICAL, 0, 10, null, false);
    }

    public static SearchRequest sorted(String q, SearchSort sort, int offset, int limit) {
        return new SearchRequest(q, Map.of(), null, null, false, sort, SearchMode.LEXICAL, offset, limit, null, false);
    }

    public static List<String> ids(SearchResults r) { return r.hits().stream().map(h -> h.id().value()).toList(); }

    public static List<String> ids(List<SearchHit> hits) { return hits.stream().map(h -> h.id().value()).toList(); }
}
