package io.aisle.embeddings.shopper;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.replay.Projection;
import io.aisle.embeddings.IdentityLinks;
import io.aisle.embeddings.ItemVectors;
import io.aisle.embeddings.Vectors;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shopper vectors, kept current as events arrive. Per shopper it keeps decayed item signals, not vectors:
 * <ul>
 *   <li>long-term: the signal weight of every event about an item ({@link SignalWeights#weight}), decayed with
 *       {@link SignalWeights#halfLife()} to the shopper's latest event, summed per item (the strongest
 *       {@link ShopperVectorParams#maxItems()} items are kept);</li>
 *   <li>session: the item signals of the shopper's latest session that had any, decayed with the much shorter
 *       {@link ShopperVectorParams#sessionHalfLife()} (refunds, which come from the back office, are left out).</li>
 * </ul>
 * A vector is the signal-weighted sum of the item vectors of whichever space is asked for (content or behaviour),
 * normalised; so a retrained behaviour model needs no replay. Bounces and refunds weigh negatively and push the vector
 * away from those items. Time comes from event timestamps only, so a replay rebuilds the same state.
 *
 * <p>Identity stitching ({@link IdentityLinks}): when an event carries a shopper id and an anonymous id, the device's
 * history so far is merged into the shopper's, and later events carrying only that device id count for the shopper.
 */
public final class ShopperVectors implements Projection {
    public static final String NAME = "shopper-vectors";

    private final SignalWeights weights;
    private final ShopperVectorParams params;
    private final IdentityLinks links = new IdentityLinks();
    private final Map<String, ShopperState> states = new ConcurrentHashMap<>();

    public ShopperVectors(SignalWeights weights, ShopperVectorParams params) {
        this.weights = Objects.requireNonNull(weights, "weights");
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override public String name() { return NAME; }

    @Override public void apply(LoggedEvent logged) {
        ShopperEvent e = logged.event();
        String device = links.observe(e.actor());
        String key = links.canonical(e.actor());
        if (device != null) {
            ShopperState anonymous = states.remove(device);
            if (anonymous != null) state(key).absorb(anonymous);
        }
        double w = weights.weight(e);
        if (w == 0 || e.items().isEmpty()) return;
        ShopperState s = state(key);
        for (EventItem item : e.items()) {
            s.addLongTerm(item.itemId(), w, e.timestamp());
            if (e.name() != EventName.REFUND) s.addSession(e.sessionId(), item.itemId(), w, e.timestamp());
        }
    }

    @Override public void reset() {
        states.clear();
        links.clear();
    }

    /**
     * Drops the state of every given key and of the shoppers those keys are linked to (a linked device's history
     * was merged into its shopper and cannot be told apart), and the links themselves.
     */
    @Override public void forget(Set<String> actorKeys) {
        for (String key : actorKeys) {
            states.remove(key);
            states.remove(links.canonical(key));
        }
        links.forget(actorKeys);
    }

    /** The long-term vector of the shopper behind {@code actorKey} in the space of {@code items}. */
    public Optional<float[]> longTerm(String actorKey, ItemVectors items) {
        return vectorOf(longTermSignals(actorKey), items);
    }

    /** The vector of the shopper's latest session in the space of {@code items}. */
    public Optional<float[]> session(String actorKey, ItemVectors items) {
        return vectorOf(sessionSignals(actorKey), items);
    }

    /** Long-term signal per item, decayed to the shopper's latest event; empty for an unknown shopper. */
    public Map<ProductId, Double> longTermSignals(String actorKey) {
        ShopperState s = states.get(links.canonical(actorKey));
        return s == null ? Map.of() : s.longTerm();
    }

    /** Signal per item of the shopper's latest session, decayed to its latest event. */
    public Map<ProductId, Double> sessionSignals(String actorKey) {
        ShopperState s = states.get(links.canonical(actorKey));
        return s == null ? Map.of() : s.session();
    }

    /** The key whose history {@code actorKey} counts under (a linked device maps to its shopper). */
    public String canonicalKey(String actorKey) { return links.canonical(actorKey); }

    /** Number of shoppers (after stitching) with any item signal. */
    public int shoppers() { return states.size(); }

    /** The keys shoppers are held under (canonical keys), for clustering all of them. */
    public java.util.Set<String> actorKeys() { return java.util.Set.copyOf(states.keySet()); }

    private ShopperState state(String key) {
        return states.computeIfAbsent(key, k -> new ShopperState(weights.halfLife().toMillis(), params.maxItems(),
                params.sessionHalfLife().toMillis(), params.maxSessionItems()));
    }

    private static Optional<float[]> vectorOf(Map<ProductId, Double> signals, ItemVectors items) {
        double[] sum = new double[items.dimension()];
        boolean any = false;
        for (Map.Entry<ProductId, Double> e : signals.entrySet()) {
            Optional<float[]> v = items.vector(e.getKey());
            if (v.isEmpty()) continue;
            float[] x = v.get();
            double w = e.getValue();
            for (int d = 0; d < sum.length; d++) sum[d] += w * x[d];
            any = true;
        }
        return any ? Optional.ofNullable(Vectors.unit(sum)) : Optional.empty();
    }
}
