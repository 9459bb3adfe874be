package io.aisle.features.session;

import io.aisle.core.event.ShopperEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One actor's open session and recent closed ones, oldest first. */
final class ActorSessions {
    private static final Comparator<SessionSummary> BY_START =
            Comparator.comparing(SessionSummary::start).thenComparing(SessionSummary::sessionKey);

    final String key;
    OpenSession open;
    final List<SessionSummary> closed = new ArrayList<>(2);

    ActorSessions(String key) { this.key = key; }

    void add(ShopperEvent e, long atMillis, String actorKey, SessionConfig config) {
        if (open != null && !config.boundary().continues(open.sessionId, open.lastMillis, e.sessionId(), atMillis)) {
            int part = open.sessionId.equals(e.sessionId()) ? open.part + 1 : 1;
            close(config);
            open = new OpenSession(e.sessionId(), part, atMillis);
        } else if (open == null) {
            open = new OpenSession(e.sessionId(), 1, atMillis);
        }
        open.add(e, atMillis, actorKey, config);
    }

    /**
     * Takes over a device's sessions when it is stitched to this actor. The session the linking event belongs to
     * stays open (it is the one continuing); any other open session closes.
     */
    void absorb(ActorSessions device, String sessionId, SessionConfig config) {
        for (SessionSummary s : device.closed) closed.add(s.filedUnder(key, false));
        OpenSession theirs = device.open;
        if (theirs != null) {
            if (open == null) {
                open = theirs;
            } else if (theirs.sessionId.equals(sessionId) && !open.sessionId.equals(sessionId)) {
                close(config);
                open = theirs;
            } else {
                closed.add(theirs.summary(key, false));
            }
        }
        closed.sort(BY_START);
        trim(config);
    }

    /** Drops every session with events of {@code actorKey}; returns whether anything is left. */
    boolean purge(String actorKey) {
        if (open != null && open.involves(actorKey)) open = null;
        closed.removeIf(s -> s.actorKeys().contains(actorKey));
        return open != null || !closed.isEmpty();
    }

    /** Sessions newest first; the open one is flagged open unless it has timed out by {@code clockMillis}. */
    List<SessionSummary> newestFirst(int limit, long clockMillis, SessionConfig config) {
        List<SessionSummary> all = new ArrayList<>(closed.size() + 1);
        all.addAll(closed);
        if (open != null) all.add(open.summary(key, !config.boundary().expired(open.lastMillis, clockMillis)));
        all.sort(BY_START.reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    private void close(SessionConfig config) {
        SessionSummary done = open.summary(key, false);
        closed.add(done);
        open = null;
        // Only a late or stitched session can start before the previous one; keep the list in start order.
        if (closed.size() > 1 && BY_START.compare(closed.get(closed.size() - 2), done) > 0) closed.sort(BY_START);
        trim(config);
    }

    private void trim(SessionConfig config) {
        int excess = closed.size() - config.history();
        if (excess > 0) closed.subList(0, excess).clear();
    }
}
