package io.aisle.features.feature;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.feature.EntityKind;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.feature.FeatureVector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The aggregation engine shared by the online pipeline and the training-set exporter: state per entity, updated
 * event by event, read at any time not before the newest event applied. Every state primitive is order-free (a
 * sum, a max, a decayed sum, the most recent distinct values), so the same events give the same values whether
 * they come in log order or time order; floating sums may differ in the last bits.
 *
 * <p>One writer thread (the projection's); readers on any thread. Item states are guarded by their own monitor, a
 * shopper's state together with their categories and brands by the shopper's.
 */
final class FeatureEngine {
    private final ItemCatalog items;
    private final Layout itemLayout;
    private final Layout shopperLayout;
    private final Layout categoryLayout;
    private final Layout brandLayout;
    private final Map<ProductId, EntityState> itemStates = new ConcurrentHashMap<>();
    private final Map<String, ShopperState> shopperStates = new ConcurrentHashMap<>();
    private volatile long clock = Long.MIN_VALUE;

    // Writer scratch: resolved lines, the current group's line indices, the measures of the group.
    private Line[] lines = new Line[16];
    private int[] group = new int[16];
    private boolean[] grouped = new boolean[16];
    private final Tally tally;

    FeatureEngine(FeatureCatalog catalog, ItemCatalog items, SignalWeights weights) {
        this.items = items;
        this.itemLayout = Layout.compile(EntityKind.ITEM, catalog.of(EntityKind.ITEM));
        this.shopperLayout = Layout.compile(EntityKind.SHOPPER, catalog.of(EntityKind.SHOPPER));
        this.categoryLayout = Layout.compile(EntityKind.SHOPPER_CATEGORY, catalog.of(EntityKind.SHOPPER_CATEGORY));
        this.brandLayout = Layout.compile(EntityKind.SHOPPER_BRAND, catalog.of(EntityKind.SHOPPER_BRAND));
        this.tally = new Tally(weights);
    }

    /** Pass as the read time to read at the newest event time. */
    static final long LATEST = Long.MIN_VALUE;

    /** The newest event time applied; {@link Long#MIN_VALUE} before the first. */
    long clock() { return clock; }

    void apply(ShopperEvent e) {
        long t = e.timestamp().toEpochMilli();
        // The clock moves before any state does, so a reader that sees a state sees a clock at least as new.
        if (t > clock) clock = t;
        int n = resolve(e.items());
        Updater[] forShopper = shopperLayout.updaters(e.name());
        Updater[] forCategory = n == 0 ? NONE : categoryLayout.updaters(e.name());
        Updater[] forBrand = n == 0 ? NONE : brandLayout.updaters(e.name());
        if (forShopper.length + forCategory.length + forBrand.length > 0) {
            String key = e.actor().key();
            ShopperState s = shopperStates.get(key);
            if (s == null) shopperStates.put(key, s = new ShopperState(shopperLayout)); // the only writer: no race
            synchronized (s) {
                if (forShopper.length > 0) {
                    for (int i = 0; i < n; i++) group[i] = i;
                    tally.reset(e, t, lines, group, n);
                    for (Updater u : forShopper) u.apply(s.self, tally);
                }
                if (forCategory.length > 0) applyByKey(e, t, n, forCategory, s, false);
                if (forBrand.length > 0) applyByKey(e, t, n, forBrand, s, true);
            }
        }
        Updater[] forItem = n == 0 ? NONE : itemLayout.updaters(e.name());
        if (forItem.length > 0) applyToItems(e, t, n, forItem);
    }

    private static final Updater[] NONE = {};

    private int resolve(List<EventItem> eventItems) {
        int n = eventItems.size();
        if (n > lines.length) {
            int capacity = Math.max(n, lines.length * 2);
            lines = new Line[capacity];
            group = new int[capacity];
            grouped = new boolean[capacity];
        }
        for (int i = 0; i < n; i++) {
            EventItem it = eventItems.get(i);
            ItemFacts facts = items.facts(it.itemId()).orElse(null);
            lines[i] = new Line(facts == null ? it.itemId() : facts.listing(), facts,
                    it.price() == null ? Double.NaN : it.price().doubleValue(), it.quantity());
        }
        return n;
    }

    /** Groups the lines by category (or brand) and applies each group to the shopper's entity for it. */
    private void applyByKey(ShopperEvent e, long t, int n, Updater[] updaters, ShopperState s, boolean brand) {
        Arrays.fill(grouped, 0, n, false);
        for (int i = 0; i < n; i++) {
            if (grouped[i]) continue;
            String key = brand ? lines[i].brand() : lines[i].category();
            int size = 0;
            for (int j = i; j < n; j++) {
                if (!grouped[j] && key.equals(brand ? lines[j].brand() : lines[j].category())) {
                    group[size++] = j;
                    grouped[j] = true;
                }
            }
            if (key.isEmpty()) continue; // lines of unknown category or brand feed no affinity
            EntityState state = s.child(brand, key, brand ? brandLayout : categoryLayout);
            tally.reset(e, t, lines, group, size);
            for (Updater u : updaters) u.apply(state, tally);
        }
    }

    private void applyToItems(ShopperEvent e, long t, int n, Updater[] updaters) {
        Arrays.fill(grouped, 0, n, false);
        for (int i = 0; i < n; i++) {
            if (grouped[i]) continue;
            ProductId listing = lines[i].listing();
            int size = 0;
            for (int j = i; j < n; j++) {
                if (!grouped[j] && listing.equals(lines[j].listing())) {
                    group[size++] = j;
                    grouped[j] = true;
                }
            }
            EntityState state = itemStates.get(listing);
            if (state == null) itemStates.put(listing, state = new EntityState(itemLayout));
            synchronized (state) {
                tally.reset(e, t, lines, group, size);
                for (Updater u : updaters) u.apply(state, tally);
            }
        }
    }

    /**
     * The features of {@code ref} at {@code at}, or at the newest event time when {@code at} is {@link #LATEST}: then
     * the time is taken under the entity's lock, so it is never older than an event the state already holds. A
     * variant reads its listing's features.
     */
    FeatureVector read(EntityRef ref, long at) {
        Layout layout = layout(ref.kind());
        Object lock = switch (ref.kind()) {
            case ITEM -> {
                ProductId id = ProductId.of(ref.id());
                yield itemStates.get(items.facts(id).map(ItemFacts::listing).orElse(id));
            }
            case SHOPPER -> shopperStates.get(ref.id());
            case SHOPPER_CATEGORY, SHOPPER_BRAND -> shopperStates.get(ref.owner());
        };
        long t;
        double[] values;
        if (lock == null) {
            t = timeOf(at);
            values = layout.evaluate(layout.empty(), t, List.of());
        } else {
            synchronized (lock) {
                t = timeOf(at);
                EntityState state;
                Collection<EntityState> siblings = List.of();
                if (lock instanceof ShopperState s && ref.kind() != EntityKind.SHOPPER) {
                    Map<String, EntityState> children = s.children(ref.kind() == EntityKind.SHOPPER_BRAND);
                    state = children == null ? null : children.get(ref.qualifier());
                    if (children != null) siblings = children.values();
                } else {
                    state = lock instanceof ShopperState s ? s.self : (EntityState) lock;
                }
                values = layout.evaluate(state == null ? layout.empty() : state, t, siblings);
            }
        }
        return vector(ref, t, layout, values);
    }

    /** The vectors of a shopper's categories or brands, ordered by name, at {@code at} or {@link #LATEST}. */
    List<FeatureVector> ofShopper(String actorKey, EntityKind kind, long at) {
        if (kind != EntityKind.SHOPPER_CATEGORY && kind != EntityKind.SHOPPER_BRAND) {
            throw new IllegalArgumentException("a shopper owns SHOPPER_CATEGORY and SHOPPER_BRAND entities, not " + kind);
        }
        ShopperState s = shopperStates.get(actorKey);
        if (s == null) return List.of();
        Layout layout = layout(kind);
        List<FeatureVector> out = new ArrayList<>();
        synchronized (s) {
            Map<String, EntityState> children = s.children(kind == EntityKind.SHOPPER_BRAND);
            if (children == null) return List.of();
            long t = timeOf(at);
            for (var c : new TreeMap<>(children).entrySet()) {
                EntityRef ref = kind == EntityKind.SHOPPER_BRAND ? EntityRef.shopperBrand(actorKey, c.getKey())
                        : EntityRef.shopperCategory(actorKey, c.getKey());
                out.add(vector(ref, t, layout, layout.evaluate(c.getValue(), t, children.values())));
            }
        }
        return out;
    }

    /** {@code at}, or the clock for {@link #LATEST} (the epoch before any event). */
    private long timeOf(long at) {
        if (at != LATEST) return at;
        long c = clock;
        return c == Long.MIN_VALUE ? 0 : c;
    }

    private static FeatureVector vector(EntityRef ref, long at, Layout layout, double[] values) {
        String[] names = layout.names();
        Map<String, Double> map = new LinkedHashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) map.put(names[i], values[i]);
        return new FeatureVector(ref, Instant.ofEpochMilli(at), map);
    }

    long maxBytes(EntityKind kind) { return layout(kind).maxBytes(); }

    private Layout layout(EntityKind kind) {
        return switch (kind) {
            case ITEM -> itemLayout;
            case SHOPPER -> shopperLayout;
            case SHOPPER_CATEGORY -> categoryLayout;
            case SHOPPER_BRAND -> brandLayout;
        };
    }

    void forget(Set<String> actorKeys) { actorKeys.forEach(shopperStates::remove); }

    void reset() {
        itemStates.clear();
        shopperStates.clear();
        clock = Long.MIN_VALUE;
    }

    /** Entity counts and approximate state bytes, for sizing. */
    FeaturePipeline.Stats stats() {
        long itemBytes = 0, shopperBytes = 0, categories = 0, brands = 0;
        for (EntityState s : itemStates.values()) synchronized (s) { itemBytes += 48 + s.bytes(); }
        for (ShopperState s : shopperStates.values()) {
            synchronized (s) {
                shopperBytes += 48 + s.bytes();
                categories += sizeOf(s.children(false));
                brands += sizeOf(s.children(true));
            }
        }
        return new FeaturePipeline.Stats(itemStates.size(), shopperStates.size(), categories, brands, itemBytes, shopperBytes);
    }

    private static int sizeOf(Map<String, EntityState> m) { return m == null ? 0 : m.size(); }

    Collection<ProductId> itemIds() { return itemStates.keySet(); }

    Collection<String> shopperKeys() { return shopperStates.keySet(); }
}
