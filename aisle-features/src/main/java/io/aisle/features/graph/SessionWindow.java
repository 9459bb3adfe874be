package io.aisle.features.graph;

import io.aisle.features.session.SessionBoundary;

/**
 * An actor's current session as the graph needs it: its id, its newest event time, and per {@link ItemLink} the
 * last distinct items. Cut by the same {@link SessionBoundary} as the sessionizer.
 */
final class SessionWindow {
    String sessionId;
    private long lastMillis;
    private final RecentItems[] recent = new RecentItems[ItemLink.values().length];

    /** Moves to the session of an event, emptying the windows if it starts a new one. */
    void enter(String eventSessionId, long atMillis, SessionBoundary boundary) {
        if (boundary.continues(sessionId, lastMillis, eventSessionId, atMillis)) {
            lastMillis = Math.max(lastMillis, atMillis);
            return;
        }
        sessionId = eventSessionId;
        lastMillis = atMillis;
        clear();
    }

    RecentItems recent(ItemLink kind) {
        RecentItems r = recent[kind.ordinal()];
        if (r == null) recent[kind.ordinal()] = r = new RecentItems();
        return r;
    }

    /** Empties the windows (an erasure touched this session, or it ended). */
    void clear() {
        for (RecentItems r : recent) if (r != null) r.clear();
    }
}
