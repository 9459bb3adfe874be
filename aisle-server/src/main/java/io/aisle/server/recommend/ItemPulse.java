package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.replay.Projection;
import io.aisle.features.session.IdentityLinks;
import io.aisle.features.session.LinkChange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What recommendations read from the event log beside the activity graph: each item's popularity (signals decayed
 * over a week), its velocity (decayed over hours) and how often it was shown; each shopper's recent items and
 * purchases in time order; and a version per shopper, the offset of their last event, so a list cached before it
 * is known to be stale. Time is the newest event time applied, never the wall clock, so replay is exact.
 *
 * <p>Sums are kept as logarithms relative to the first event's time, so decay never has to touch stored values and
 * nothing overflows. Only {@link #version} and {@link #canonical} may be called from any thread; everything else
 * runs under the projection host's lock, like every projection.
 */
public final class ItemPulse implements Projection {
    static final Duration POPULAR_HALF_LIFE = Duration.ofDays(7);
    static final Duration VELOCITY_HALF_LIFE = Duration.ofHours(6);
    static final int TRAIL = 20;
    private static final double LN2 = Math.log(2);

    private final SignalWeights weights;
    private final IdentityLinks links = new IdentityLinks();
    private final Map<ProductId, Integer> index = new HashMap<>();
    private ProductId[] ids = new ProductId[1024];
    private double[] popularLog = new double[1024];
    private double[] velocityLog = new double[1024];
    private int[] shown = new int[1024];
    private int count;
    private final Map<String, Trail> trails = new HashMap<>();
    /** Canonical actor key to the offset of its last event; read by request threads without the lock. */
    private final ConcurrentHashMap<String, Long> versions = new ConcurrentHashMap<>();
    /** Linked device key to its shopper's key; read by request threads without the lock. */
    private final ConcurrentHashMap<String, String> owners = new ConcurrentHashMap<>();
    private long origin = Long.MIN_VALUE;
    private long newest = Long.MIN_VALUE;

    public ItemPulse(SignalWeights weights) { this.weights = weights; }

    public ItemPulse() { this(SignalWeights.defaults()); }

    @Override public String name() { return "recommendation-pulse"; }

    @Override public void apply(LoggedEvent logged) {
        ShopperEvent e = logged.event();
        long at = e.timestamp().toEpochMilli();
        if (origin == Long.MIN_VALUE) origin = at;
        newest = Math.max(newest, at);
        LinkChange change = links.observe(e.actor());
        String key = links.canonical(e.actor());
        switch (change) {
            case LinkChange.Linked l -> link(l.anonymousKey(), l.shopperKey());
            case LinkChange.Relinked r -> link(r.anonymousKey(), r.to());
            case LinkChange.Unchanged u -> { }
        }
        versions.put(key, logged.offset());
        switch (e.name()) {
            case VIEW_ITEM_LIST, SEARCH, VIEW_ITEM, SELECT_ITEM -> {
                for (EventItem it : e.items()) {
                    int i = item(it.itemId()); // may grow the arrays: index first, then the array
                    shown[i]++;
                }
            }
            default -> { }
        }
        double w = weights.weight(e);
        if (w == 0 || e.items().isEmpty()) return;
        Trail trail = trails.computeIfAbsent(key, k -> new Trail());
        for (EventItem it : e.items()) {
            int i = item(it.itemId());
            if (w > 0) {
                double x = Math.log(w);
                popularLog[i] = logAdd(popularLog[i], x + (at - origin) * LN2 / POPULAR_HALF_LIFE.toMillis());
                velocityLog[i] = logAdd(velocityLog[i], x + (at - origin) * LN2 / VELOCITY_HALF_LIFE.toMillis());
            }
            trail.add(it.itemId(), at, w, e.name() == io.aisle.core.event.EventName.PURCHASE ? Verb.BOUGHT
                    : e.name() == io.aisle.core.event.EventName.ADD_TO_CART ? Verb.CARTED : Verb.VIEWED);
        }
    }

    @Override public void reset() {
        links.clear();
        index.clear();
        Arrays.fill(ids, null);
        count = 0;
        trails.clear();
        versions.clear();
        owners.clear();
        origin = Long.MIN_VALUE;
        newest = Long.MIN_VALUE;
    }

    @Override public void forget(Set<String> actorKeys) {
        Set<String> all = links.withDevices(actorKeys);
        for (String k : all) {
            trails.remove(k);
            versions.remove(k);
            owners.remove(k);
        }
        owners.values().removeIf(all::contains);
        links.forget(all);
    }

    /** The key an actor's activity is filed under: its shopper's for a linked device. Any thread. */
    public String canonical(String actorKey) { return owners.getOrDefault(actorKey, actorKey); }

    /** Offset of the last event of the actor (canonical key), 0 when none. Any thread. */
    public long version(String canonicalKey) { return versions.getOrDefault(canonicalKey, 0L); }

    /** The newest event time applied, in epoch milliseconds; {@link Long#MIN_VALUE} before any. */
    public long clock() { return newest; }

    /** Every item's popularity and velocity now (signal sums per hour of half-life) and how often it was shown. */
    public List<ItemHeat> heat() {
        List<ItemHeat> out = new ArrayList<>(count);
        if (count == 0) return out;
        double popularNow = (newest - origin) * LN2 / POPULAR_HALF_LIFE.toMillis();
        double velocityNow = (newest - origin) * LN2 / VELOCITY_HALF_LIFE.toMillis();
        double popularHours = POPULAR_HALF_LIFE.toMillis() / 3_600_000.0 / LN2;
        double velocityHours = VELOCITY_HALF_LIFE.toMillis() / 3_600_000.0 / LN2;
        for (int i = 0; i < count; i++) {
            // A steady rate r per hour sums to r times the mean lifetime in hours: dividing gives comparable rates.
            out.add(new ItemHeat(ids[i], Math.exp(popularLog[i] - popularNow) / popularHours,
                    Math.exp(velocityLog[i] - velocityNow) / velocityHours, shown[i]));
        }
        return out;
    }

    /** The actor's recent items, oldest first, with their summed signal and last time; empty when unknown. */
    public List<TrailItem> trail(String canonicalKey) {
        Trail t = trails.get(canonicalKey);
        return t == null ? List.of() : t.items();
    }

    /** Items the actor bought, with the time of the last purchase, in epoch milliseconds. */
    public Map<ProductId, Long> purchases(String canonicalKey) {
        Trail t = trails.get(canonicalKey);
        return t == null ? Map.of() : t.purchases();
    }

    /** An item's popularity and velocity in signal per hour, and how often it was shown in lists and views. */
    public record ItemHeat(ProductId id, double popularity, double velocity, int shown) {}

    /** How strongly an actor engaged with an item: the strongest of view, cart, purchase. */
    public enum Verb { VIEWED, CARTED, BOUGHT }

    /** One item of an actor's trail: summed signal weight, last time (epoch ms), strongest engagement. */
    public record TrailItem(ProductId id, double weight, long at, Verb verb) {}

    private void link(String device, String shopper) {
        owners.put(device, shopper);
        Trail d = trails.remove(device);
        if (d != null) trails.computeIfAbsent(shopper, k -> new Trail()).absorb(d);
        Long v = versions.get(device);
        if (v != null) versions.merge(shopper, v, Math::max);
    }

    private int item(ProductId id) {
        Integer known = index.get(id);
        if (known != null) return known;
        if (count == ids.length) {
            int n = ids.length * 2;
            ids = Arrays.copyOf(ids, n);
            popularLog = Arrays.copyOf(popularLog, n);
            velocityLog = Arrays.copyOf(velocityLog, n);
            shown = Arrays.copyOf(shown, n);
        }
        ids[count] = id;
        popularLog[count] = Double.NEGATIVE_INFINITY;
        velocityLog[count] = Double.NEGATIVE_INFINITY;
        shown[count] = 0;
        index.put(id, count);
        return count++;
    }

    private static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) return b;
        double hi = Math.max(a, b);
        return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
    }

    /** An actor's last {@value #TRAIL} distinct items, most recent last, and their purchases. */
    private static final class Trail {
        // Arrays grow to TRAIL: most actors touch only a few items.
        private ProductId[] items = new ProductId[4];
        private long[] at = new long[4];
        private float[] weight = new float[4];
        private Verb[] verb = new Verb[4];
        private int size;
        private Map<ProductId, Long> bought;

        void add(ProductId id, long time, double w, Verb v) {
            int i = indexOf(id);
            double total = w;
            Verb strongest = v;
            if (i >= 0) {
                total += weight[i];
                if (verb[i].compareTo(strongest) > 0) strongest = verb[i];
                time = Math.max(time, at[i]);
                remove(i);
            } else if (size == TRAIL) {
                remove(0);
            } else if (size == items.length) {
                int n = Math.min(TRAIL, items.length * 2);
                items = Arrays.copyOf(items, n);
                at = Arrays.copyOf(at, n);
                weight = Arrays.copyOf(weight, n);
                verb = Arrays.copyOf(verb, n);
            }
            items[size] = id;
            at[size] = time;
            weight[size] = (float) total;
            verb[size] = strongest;
            size++;
            if (v == Verb.BOUGHT) {
                if (bought == null) bought = new HashMap<>(4);
                bought.merge(id, time, Math::max);
                if (bought.size() > TRAIL) {
                    long oldest = oldestPurchase(bought);
                    bought.values().removeIf(t -> t == oldest);
                }
            }
        }

        void absorb(Trail other) {
            for (TrailItem t : other.items()) add(t.id(), t.at(), t.weight(), t.verb());
            if (other.bought != null) other.bought.forEach((id, time) -> {
                if (bought == null) bought = new HashMap<>(4);
                bought.merge(id, time, Math::max);
            });
        }

        List<TrailItem> items() {
            List<TrailItem> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) out.add(new TrailItem(items[i], weight[i], at[i], verb[i]));
            return out;
        }

        Map<ProductId, Long> purchases() { return bought == null ? Map.of() : Map.copyOf(bought); }

        private int indexOf(ProductId id) {
            for (int i = 0; i < size; i++) if (items[i].equals(id)) return i;
            return -1;
        }

        private void remove(int i) {
            int tail = size - i - 1;
            System.arraycopy(items, i + 1, items, i, tail);
            System.arraycopy(at, i + 1, at, i, tail);
            System.arraycopy(weight, i + 1, weight, i, tail);
            System.arraycopy(verb, i + 1, verb, i, tail);
            size--;
            items[size] = null;
        }

        private static long oldestPurchase(Map<ProductId, Long> bought) {
            long min = Long.MAX_VALUE;
            for (long t : bought.values()) min = Math.min(min, t);
            return min;
        }
    }
}
