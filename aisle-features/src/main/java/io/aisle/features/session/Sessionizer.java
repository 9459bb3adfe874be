package io.aisle.features.session;

import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.replay.Projection;
import io.aisle.core.shopper.ShopperId;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Groups each actor's events into sessions (see {@link SessionBoundary}) and keeps, per actor, the open session and
 * the last {@link SessionConfig#history()} closed ones as {@link SessionSummary} records. A device seen together with
 * a shopper id is stitched to that shopper: its sessions so far move to the shopper, and its later anonymous events
 * are filed under the shopper too, so asking by either key returns the shopper's whole history.
 *
 * <p>Time is the newest event timestamp seen, never the wall clock, so replay rebuilds the same sessions. Not
 * thread-safe: the projection's owner applies events and reads on one thread (or guards both).
 */
public final class Sessionizer implements Projection {
    private final SessionConfig config;
    private final IdentityLinks links = new IdentityLinks();
    private final Map<String, ActorSessions> actors = new HashMap<>();
    private long clockMillis = Long.MIN_VALUE;

    public Sessionizer(SessionConfig config) { this.config = Objects.requireNonNull(config, "config"); }

    public Sessionizer() { this(SessionConfig.defaults()); }

    @Override public String name() { return "sessions"; }

    @Override public void apply(LoggedEvent logged) {
        ShopperEvent e = logged.event();
        long at = e.timestamp().toEpochMilli();
        clockMillis = Math.max(clockMillis, at);
        if (links.observe(e.actor()) instanceof LinkChange.Linked linked) {
            // A device's history joins its shopper's; a re-link moves only later events (the old owner keeps the past).
            ActorSessions device = actors.remove(linked.anonymousKey());
            if (device != null) owner(linked.shopperKey()).absorb(device, e.sessionId(), config);
        }
        owner(links.canonical(e.actor())).add(e, at, e.actor().key(), config);
    }

    @Override public void reset() {
        actors.clear();
        links.clear();
        clockMillis = Long.MIN_VALUE;
    }

    /**
     * Erases the actors' sessions, and the sessions of the devices stitched to a shopper among them. A device alone
     * is cut out of the shoppers it was stitched to: every session with its anonymous events goes (the whole session,
     * since its parts cannot be told apart); what a shopper did logged in on it stays the shopper's. Erasing a
     * device looks through all actors (a device that moved to another shopper left sessions with the first): one
     * pass per call, so erase in batches.
     */
    @Override public void forget(Set<String> actorKeys) {
        Set<String> all = links.withDevices(actorKeys);
        all.forEach(actors::remove);
        List<String> devices = all.stream().filter(k -> k.startsWith("a:")).toList();
        if (!devices.isEmpty()) {
            actors.values().removeIf(sessions -> {
                boolean left = true;
                for (String device : devices) left &= sessions.purge(device);
                return !left;
            });
        }
        links.forget(all);
    }

    /** The actor's session in progress: none when its last event is older than the timeout. */
    public Optional<SessionSummary> currentSession(String actorKey) {
        ActorSessions s = actors.get(links.canonical(actorKey));
        if (s == null || s.open == null || config.boundary().expired(s.open.lastMillis, clockMillis)) return Optional.empty();
        return Optional.of(s.open.summary(s.key, true));
    }

    /** Up to {@code limit} of the actor's sessions, newest first, the one in progress included. */
    public List<SessionSummary> recentSessions(String actorKey, int limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must not be negative, got " + limit);
        ActorSessions s = actors.get(links.canonical(actorKey));
        return s == null ? List.of() : s.newestFirst(limit, clockMillis, config);
    }

    public List<SessionSummary> recentSessions(ShopperId shopper, int limit) { return recentSessions("s:" + shopper.value(), limit); }

    /** The session an applied event belongs to, while it is still among its actor's remembered sessions. */
    public Optional<SessionSummary> sessionOf(ShopperEvent event) {
        ActorSessions s = actors.get(links.canonical(event.actor()));
        if (s == null) return Optional.empty();
        return s.newestFirst(Integer.MAX_VALUE, clockMillis, config).stream()
                .filter(x -> x.sessionId().equals(event.sessionId()) && x.covers(event.timestamp()))
                .findFirst();
    }

    /** The key the actor's sessions are filed under (the shopper's for a stitched device). */
    public String canonicalKey(String actorKey) { return links.canonical(actorKey); }

    /** The newest event time applied: the projection's clock. */
    public Optional<Instant> clock() {
        return clockMillis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(clockMillis));
    }

    /** Actors with remembered sessions (stitched devices count with their shopper). */
    public int actorCount() { return actors.size(); }

    private ActorSessions owner(String key) { return actors.computeIfAbsent(key, ActorSessions::new); }
}
