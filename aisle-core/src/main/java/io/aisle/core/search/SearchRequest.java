package io.aisle.core.search;

import io.aisle.core.validation.ValidationException;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One search. Filters are facet selections ({@code brand -> [HP, Dell]}); values of one facet are OR-ed, facets are
 * AND-ed. Price bounds here are the caller's own filters and add to any the query text states.
 *
 * @param shopperKey  the shopper or device key ("s:u-42", "a:d-7f") for personal re-ranking, or null
 * @param personalize whether to re-rank by the shopper's affinities when a key is given
 */
public record SearchRequest(
        String query,
        Map<String, List<String>> filters,
        Double minPrice,
        Double maxPrice,
        boolean inStockOnly,
        SearchSort sort,
        SearchMode mode,
        int offset,
        int limit,
        String shopperKey,
        boolean personalize) {

    /** Longest query text accepted, in characters. */
    public static final int MAX_QUERY_CHARS = 512;
    /** Most results one page may hold. */
    public static final int MAX_LIMIT = 100;
    /** Deepest result a caller may page to. */
    public static final int MAX_OFFSET = 1_000;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        if (query.length() > MAX_QUERY_CHARS) {
            throw new ValidationException("q", "is longer than " + MAX_QUERY_CHARS + " characters");
        }
        if (query.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw new ValidationException("q", "contains control characters");
        }
        TreeMap<String, List<String>> copy = new TreeMap<>();
        if (filters != null) filters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        filters = java.util.Collections.unmodifiableMap(copy);
        if (minPrice != null && !(minPrice >= 0)) throw new ValidationException("min_price", "must be a number >= 0");
        if (maxPrice != null && !(maxPrice >= 0)) throw new ValidationException("max_price", "must be a number >= 0");
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new ValidationException("min_price", "must not exceed max_price");
        }
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        mode = mode == null ? SearchMode.HYBRID : mode;
        if (offset < 0 || offset > MAX_OFFSET) throw new ValidationException("offset", "must be between 0 and " + MAX_OFFSET);
        if (limit < 1 || limit > MAX_LIMIT) throw new ValidationException("limit", "must be between 1 and " + MAX_LIMIT);
    }

    /** A first page of ten for {@code query}, hybrid, no filters, not personal. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), null, null, false, SearchSort.RELEVANCE, SearchMode.HYBRID, 0, 10, null, false);
    }

    public SearchRequest withMode(SearchMode m) {
        return new SearchRequest(query, filters, minPrice, maxPrice, inStockOnly, sort, m, offset, limit, shopperKey, personalize);
    }

    public SearchRequest withPage(int newOffset, int newLimit) {
        return new SearchRequest(query, filters, minPrice, maxPrice, inStockOnly, sort, mode, newOffset, newLimit, shopperKey, personalize);
    }
}
