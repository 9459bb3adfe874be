package io.aisle.features.session;

import io.aisle.core.catalog.ProductId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one session held: when, how many events, which items were viewed, carted and bought, what was searched.
 *
 * @param actorKey   the key the session is filed under: the shopper's once the device is stitched to them
 * @param actorKeys  the {@link io.aisle.core.event.Actor#key()} values whose events make up the session (a session
 *                   that logs in halfway lists the device's key and the shopper's)
 * @param sessionKey unique per actor: the session id, suffixed {@code #2}, {@code #3} for later parts of a session id
 *                   that the inactivity timeout split
 * @param sessionId  the storefront's session id
 * @param viewed     distinct items viewed or selected from a list, first seen first, capped
 * @param carted     distinct items added to the cart, capped
 * @param purchased  distinct items bought, capped
 * @param queries    distinct search queries as sent, capped
 * @param bounce     one page seen and nothing else done: under 10 s, no second page, no cart or purchase (GA4's
 *                   "not engaged"); sessions with no page at all (a back-office refund) are not bounces
 * @param open       whether the session may still continue: no inactivity timeout has passed on the projection's
 *                   clock (the newest event time it has seen)
 */
public record SessionSummary(String actorKey, List<String> actorKeys, String sessionKey, String sessionId,
                             Instant start, Instant end, int eventCount, List<ProductId> viewed,
                             List<ProductId> carted, List<ProductId> purchased, List<String> queries, boolean bounce,
                             boolean open) {
    public SessionSummary {
        Objects.requireNonNull(actorKey, "actorKey");
        Objects.requireNonNull(sessionKey, "sessionKey");
        actorKeys = List.copyOf(actorKeys);
        viewed = List.copyOf(viewed);
        carted = List.copyOf(carted);
        purchased = List.copyOf(purchased);
        queries = List.copyOf(queries);
    }

    public Duration duration() { return Duration.between(start, end); }

    /** Whether {@code at} falls inside the session, ends included. */
    public boolean covers(Instant at) { return !at.isBefore(start) && !at.isAfter(end); }

    SessionSummary filedUnder(String key, boolean isOpen) {
        if (key.equals(actorKey) && isOpen == open) return this;
        return new SessionSummary(key, actorKeys, sessionKey, sessionId, start, end, eventCount, viewed, carted, purchased,
                queries, bounce, isOpen);
    }
}
