package io.aisle.features.session;

import java.util.Objects;

/**
 * How the sessionizer cuts and remembers sessions.
 *
 * @param boundary          when a new session starts (session id change, inactivity timeout)
 * @param history           closed sessions kept per actor, newest first; older ones are dropped
 * @param itemsPerList      distinct items kept per list (viewed, carted, purchased) of one session
 * @param queriesPerSession distinct search queries kept per session
 */
public record SessionConfig(SessionBoundary boundary, int history, int itemsPerList, int queriesPerSession) {
    public SessionConfig {
        Objects.requireNonNull(boundary, "boundary");
        if (history < 1 || history > 1_000) throw new IllegalArgumentException("history must be 1..1000, got " + history);
        if (itemsPerList < 1 || itemsPerList > 1_000) {
            throw new IllegalArgumentException("itemsPerList must be 1..1000, got " + itemsPerList);
        }
        if (queriesPerSession < 0 || queriesPerSession > 1_000) {
            throw new IllegalArgumentException("queriesPerSession must be 0..1000, got " + queriesPerSession);
        }
    }

    /** 30-minute timeout, 10 closed sessions per actor, 20 items per list, 10 queries per session. */
    public static SessionConfig defaults() { return new SessionConfig(SessionBoundary.defaults(), 10, 20, 10); }

    public SessionConfig withBoundary(SessionBoundary b) { return new SessionConfig(b, history, itemsPerList, queriesPerSession); }

    public SessionConfig withHistory(int n) { return new SessionConfig(boundary, n, itemsPerList, queriesPerSession); }
}
