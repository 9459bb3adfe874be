package io.aisle.features.graph;

import java.time.Instant;
import java.util.Map;

/**
 * Size of the activity graph.
 *
 * @param edges stored edge entries per kind; an item-item edge is stored on both items (so counts twice unless one
 *              side's cap evicted it); an item-category edge is the item's category link
 * @param clock the newest event time seen, null before the first event
 */
public record GraphStats(int items, int actors, int queries, int categories, Map<EdgeKind, Long> edges, Instant clock) {
    public GraphStats { edges = Map.copyOf(edges); }

    public long totalEdges() { return edges.values().stream().mapToLong(Long::longValue).sum(); }
}
