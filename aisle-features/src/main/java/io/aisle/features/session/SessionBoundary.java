package io.aisle.features.session;

import java.time.Duration;
import java.util.Objects;

/**
 * When an actor's next event opens a new session. GA4 semantics: the storefront's session id is authoritative, so a
 * new id always starts a new session; and a session that idles longer than the timeout ends even if the storefront
 * keeps its id (a tab left open overnight). Shared by the sessionizer and the activity graph so both cut sessions
 * at the same places.
 *
 * @param timeout the longest gap between two events of one session
 */
public record SessionBoundary(Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public SessionBoundary {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }

    /** The GA4 default: 30 minutes of inactivity. */
    public static SessionBoundary defaults() { return new SessionBoundary(DEFAULT_TIMEOUT); }

    /**
     * Whether an event of session {@code sessionId} at {@code atMillis} continues the open session
     * {@code openSessionId}, whose newest event was at {@code lastMillis}. A late event (earlier than the newest)
     * with the same id continues it.
     */
    public boolean continues(String openSessionId, long lastMillis, String sessionId, long atMillis) {
        return openSessionId != null && openSessionId.equals(sessionId) && atMillis - lastMillis <= timeout.toMillis();
    }

    /** Whether a session whose newest event was at {@code lastMillis} has ended by {@code clockMillis}. */
    public boolean expired(long lastMillis, long clockMillis) { return clockMillis - lastMillis > timeout.toMillis(); }
}
