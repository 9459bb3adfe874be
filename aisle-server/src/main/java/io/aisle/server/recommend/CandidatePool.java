package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.recommend.Surface;

import java.util.List;

/**
 * Every candidate of one request with what each source said about it: the features a ranker orders by.
 *
 * @param sources source names, in the order of each entry's scores
 */
public record CandidatePool(Surface surface, List<String> sources, List<Entry> entries) {
    public CandidatePool {
        sources = List.copyOf(sources);
        entries = List.copyOf(entries);
    }

    /**
     * One candidate.
     *
     * @param scores  per source, scaled to 0..1 by that source's best candidate in this request; 0 when it did not propose it
     * @param reasons per source, the reason it gave, or null
     */
    public record Entry(ProductId id, double[] scores, String[] reasons) {}
}
