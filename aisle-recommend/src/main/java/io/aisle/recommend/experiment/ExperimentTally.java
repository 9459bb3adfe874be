package io.aisle.recommend.experiment;

import io.aisle.core.event.EventItem;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.experiment.Experiment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Counts one experiment's metrics from shopper events, one at a time, in log order. An event counts when its
 * timestamp is in the experiment's window and its actor ({@link ShopperKeys}) is assigned a variant. A session is
 * one actor key with one session id (a shopper who signs in midway starts a new one, as their key, and so their
 * variant, may change). Single-threaded; time comes only from the logged events (the shopper's timestamp decides
 * the window, the server's receipt time decides when state may be dropped, since a client clock can run a day
 * ahead), so replaying the log gives the same counts.
 */
public final class ExperimentTally {
    /** A session quiet this long (by receipt time) is closed: its counts stay, its per-session state goes. */
    static final Duration SESSION_IDLE = Duration.ofHours(24);
    /** After the stop, events this late are still accepted into open sessions; then all session state is dropped. */
    static final Duration LATE_EVENTS = Duration.ofHours(1);

    private static final class Session {
        final int variant;
        boolean carted;
        double revenue;
        long lastSeen;

        Session(int variant) { this.variant = variant; }
    }

    private Experiment experiment;
    private final int variants;
    private final long[] sessions;
    private final long[] impressions;
    private final long[] clicks;
    private final long[] cartSessions;
    private final double[] revenue;
    private final double[] revenueSquares;
    /** Open sessions by actor key + '\n' + session id (ids cannot hold control characters). */
    private Map<String, Session> open = new HashMap<>();
    private long latestSeen = Long.MIN_VALUE;
    private long nextSweep = Long.MIN_VALUE;

    public ExperimentTally(Experiment experiment) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.variants = experiment.variants().size();
        this.sessions = new long[variants];
        this.impressions = new long[variants];
        this.clicks = new long[variants];
        this.cartSessions = new long[variants];
        this.revenue = new double[variants];
        this.revenueSquares = new double[variants];
    }

    public Experiment experiment() { return experiment; }

    /** Takes the experiment's new definition (a stop); id and variants cannot change. */
    public void redefine(Experiment changed) {
        if (!changed.id().equals(experiment.id()) || !changed.variants().equals(experiment.variants())) {
            throw new IllegalArgumentException("only the status of experiment '" + experiment.id() + "' may change");
        }
        this.experiment = changed;
    }

    /** Counts one logged event if it belongs to the experiment. */
    public void accept(LoggedEvent logged) {
        ShopperEvent e = logged.event();
        long at = logged.receivedAt().toEpochMilli();
        if (at > latestSeen) latestSeen = at;
        if (open != null && latestSeen >= nextSweep) sweep();
        if (open == null || !experiment.covers(e.timestamp())) return;
        String actorKey = ShopperKeys.of(e.actor());
        String sessionKey = actorKey + "\n" + e.sessionId();
        Session s = open.get(sessionKey);
        if (s == null) {
            // Held-out sessions are remembered too (variant -1), so their later events skip the hashing.
            s = new Session(Assigner.variantIndex(experiment, actorKey));
            open.put(sessionKey, s);
            if (s.variant >= 0) sessions[s.variant]++;
        }
        s.lastSeen = Math.max(s.lastSeen, at);
        int v = s.variant;
        if (v < 0) return;
        switch (e.name()) {
            case VIEW_ITEM_LIST -> impressions[v]++;
            case SELECT_ITEM -> clicks[v]++;
            case ADD_TO_CART -> {
                if (!s.carted) {
                    s.carted = true;
                    cartSessions[v]++;
                }
            }
            case PURCHASE -> {
                double value = purchaseValue(e);
                double before = s.revenue;
                s.revenue += value;
                revenue[v] += value;
                // The session's square changes from before² to after²; the sum of squares follows.
                revenueSquares[v] += s.revenue * s.revenue - before * before;
            }
            default -> { }
        }
    }

    /** Drops per-session state of these actors; the totals they contributed to stay (they name nobody). */
    public void forget(Set<String> actorKeys) {
        if (open == null || actorKeys.isEmpty()) return;
        open.keySet().removeIf(k -> actorKeys.contains(k.substring(0, k.indexOf('\n'))));
    }

    /** The counts so far, one per variant in definition order. */
    public List<VariantCounts> counts() {
        List<VariantCounts> out = new ArrayList<>(variants);
        for (int i = 0; i < variants; i++) {
            out.add(new VariantCounts(experiment.variants().get(i).name(), sessions[i], impressions[i], clicks[i],
                    cartSessions[i], revenue[i], revenueSquares[i]));
        }
        return out;
    }

    /** Sessions whose state is still held, held-out ones included (for tests and memory accounting). */
    public int openSessions() { return open == null ? 0 : open.size(); }

    /** The purchase's {@code value}, else the sum of its items' price × quantity; refunds are not subtracted. */
    static double purchaseValue(ShopperEvent e) {
        if (e.value() != null) return e.value().doubleValue();
        BigDecimal sum = BigDecimal.ZERO;
        for (EventItem i : e.items()) {
            if (i.price() != null) sum = sum.add(i.price().multiply(BigDecimal.valueOf(i.quantity())));
        }
        return sum.doubleValue();
    }

    /** Closes idle sessions, or all of them once the experiment is over and late events have had their time. */
    private void sweep() {
        Instant stopped = experiment.stoppedAt();
        if (stopped != null && latestSeen >= stopped.plus(LATE_EVENTS).toEpochMilli()) {
            open = null;
            return;
        }
        long idleBefore = latestSeen - SESSION_IDLE.toMillis();
        open.values().removeIf(s -> s.lastSeen < idleBefore);
        nextSweep = latestSeen + Duration.ofHours(1).toMillis();
    }
}
