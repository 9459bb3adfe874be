package io.aisle.features.graph;

/**
 * One actor key's edges: items and queries its own events touched, and (when it is the key others file under) its
 * current session window. A stitched device keeps its own node, summed with its shopper's at read time, so erasing
 * just the device removes exactly its part.
 */
final class ActorNode {
    final Neighbours items = new Neighbours();
    final Neighbours queries = new Neighbours();
    SessionWindow window;

    SessionWindow window() {
        if (window == null) window = new SessionWindow();
        return window;
    }

    boolean isEmpty() { return items.size() == 0 && queries.size() == 0; }

    long bytes() { return 48 + items.bytes() + queries.bytes() + (window == null ? 0 : 200); }
}
