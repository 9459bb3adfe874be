package io.aisle.features.graph;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.replay.Projection;
import io.aisle.core.shopper.ShopperId;
import io.aisle.features.session.IdentityLinks;
import io.aisle.features.session.LinkChange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A weighted, decaying graph of who did what: actor-item and actor-query edges, item-item co-view, co-cart and
 * co-purchase edges within one session, and item-category edges. An edge's weight is the sum of its signals'
 * {@link SignalWeights#weight} times their {@link SignalWeights#decay} from the event time to the graph's clock, the
 * newest event time applied (never the wall clock, so replay is exact). Decay is lazy (see {@link DecayClock}).
 *
 * <p>Every node keeps at most a configured number of neighbours per kind ({@link GraphConfig}); a new edge replaces
 * the weakest when stronger, so memory is bounded by items x kinds x cap plus actors x caps. Devices stitched to a
 * shopper are summed with the shopper at read time. Not thread-safe: apply and read on the projection's thread.
 */
public final class ActivityGraph implements Projection {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final GraphConfig config;
    private final SignalWeights signals;
    private final DecayClock clock;
    private final ItemTable items;
    private final IdentityLinks links = new IdentityLinks();
    private final Map<String, ActorNode> actors = new HashMap<>();
    private final Interner queries = new Interner();

    /** @param catalog looks a product up (its category and parent); unknown items simply get no category edge */
    public ActivityGraph(GraphConfig config, SignalWeights signals, Function<ProductId, Optional<Product>> catalog) {
        this.config = Objects.requireNonNull(config, "config");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = new DecayClock(signals.halfLife());
        this.items = new ItemTable(Objects.requireNonNull(catalog, "catalog"), config);
    }

    public ActivityGraph(GraphConfig config, SignalWeights signals, CatalogStore catalog) { this(config, signals, catalog::get); }

    @Override public String name() { return "activity-graph"; }

    @Override public void apply(LoggedEvent logged) {
        ShopperEvent e = logged.event();
        long at = e.timestamp().toEpochMilli();
        while (clock.started() && clock.needsRebase(at)) {
            clock.rebase();
            scale(DecayClock.REBASE_SCALE);
        }
        clock.observe(at);
        LinkChange change = links.observe(e.actor());
        String raw = e.actor().key();
        ActorNode node = actor(raw);
        String canonical = links.canonical(raw);
        ActorNode owner = canonical.equals(raw) ? node : actor(canonical);
        switch (change) {
            case LinkChange.Linked l -> adoptWindow(l.anonymousKey(), owner, e.sessionId());
            case LinkChange.Relinked r -> foldDevice(r.anonymousKey(), r.from());
            case LinkChange.Unchanged u -> { }
        }
        SessionWindow window = owner.window();
        window.enter(e.sessionId(), at, config.sessions());
        double factor = clock.storeFactor(at);
        if (e.name() == EventName.SEARCH && e.query() != null && config.querySignal() > 0) {
            addQuery(node, e.query(), config.querySignal() * factor);
        }
        double signal = signals.weight(e);
        if (signal == 0) return;
        double scaled = signal * factor;
        ItemLink co = switch (e.name()) {
            case VIEW_ITEM, SELECT_ITEM -> ItemLink.CO_VIEW;
            case ADD_TO_CART -> ItemLink.CO_CART;
            case PURCHASE -> ItemLink.CO_PURCHASE;
            default -> null;
        };
        for (EventItem it : e.items()) {
            int item = items.node(it.itemId(), at);
            node.items.add(item, scaled, config.actorItems());
            items.addSignal(item, scaled);
            if (co != null) pair(window.recent(co), co, item, scaled);
        }
    }

    @Override public void reset() {
        actors.clear();
        queries.clear();
        links.clear();
        items.clear();
        clock.reset();
    }

    /**
     * Removes the actors' item and query edges and session windows, and the devices stitched to a shopper among
     * them. Item-item and item-category edges stay: they are sums over many shoppers that name no actor, and a
     * rebuild after the log itself is erased drops their contribution too.
     */
    @Override public void forget(Set<String> actorKeys) {
        Set<String> all = links.withDevices(actorKeys);
        for (String key : all) {
            ActorNode gone = actors.remove(key);
            if (gone != null) releaseQueries(gone.queries);
            // The shopper a forgotten device files under may hold its session in progress.
            links.shopperOf(key).filter(s -> !all.contains(s)).map(actors::get)
                    .filter(n -> n.window != null).ifPresent(n -> n.window.clear());
        }
        links.forget(all);
    }

    /** The {@code k} strongest neighbours of an item over one kind of co-occurrence. */
    public List<ItemScore> neighbours(ProductId item, ItemLink kind, int k) {
        int n = items.find(item);
        Ranking r = new Ranking();
        if (n >= 0) r.addAll(items.linksOf(kind, n));
        return r.top(k, clock.readFactor(), items::name, this::itemScore);
    }

    /** The {@code k} strongest neighbours of an item, co-view, co-cart and co-purchase weights summed. */
    public List<ItemScore> neighbours(ProductId item, int k) {
        int n = items.find(item);
        Ranking r = new Ranking();
        if (n >= 0) for (ItemLink kind : ItemLink.values()) r.addAll(items.linksOf(kind, n));
        return r.top(k, clock.readFactor(), items::name, this::itemScore);
    }

    /** The actor's {@code k} strongest items (positive weight only), its stitched devices included. */
    public List<ItemScore> topItems(String actorKey, int k) {
        return itemsOf(actorKey).top(k, clock.readFactor(), items::name, this::itemScore);
    }

    public List<ItemScore> topItems(ShopperId shopper, int k) { return topItems(key(shopper), k); }

    /** The actor's {@code k} most searched queries, normalised, its stitched devices included. */
    public List<QueryScore> topQueries(String actorKey, int k) {
        Ranking r = new Ranking();
        for (ActorNode n : nodesOf(actorKey)) r.addAll(n.queries);
        return r.top(k, clock.readFactor(), queries::name, (id, w) -> new QueryScore(queries.name(id), w));
    }

    public List<QueryScore> topQueries(ShopperId shopper, int k) { return topQueries(key(shopper), k); }

    /** The actor's item weights summed by leaf category (the full path); see {@link #topCategories(String, int, int)}. */
    public List<CategoryScore> topCategories(String actorKey, int k) { return topCategories(actorKey, 0, k); }

    public List<CategoryScore> topCategories(ShopperId shopper, int k) { return topCategories(key(shopper), k); }

    /**
     * The actor's item weights (negative ones included) summed by category: by the first {@code depth} levels of each
     * item's path ({@code depth} 1 gives departments), or by the whole path when {@code depth} is 0. Items the
     * catalogue did not know count nowhere. The {@code k} strongest positive sums, ties by path.
     */
    public List<CategoryScore> topCategories(String actorKey, int depth, int k) {
        if (depth < 0) throw new IllegalArgumentException("depth must not be negative, got " + depth);
        if (k < 0) throw new IllegalArgumentException("k must not be negative, got " + k);
        Map<List<String>, double[]> sums = new LinkedHashMap<>();
        itemsOf(actorKey).forEach((item, w) -> {
            int c = items.categoryOf(item);
            if (c < 0) return;
            List<String> path = items.path(c);
            List<String> key = depth == 0 || depth >= path.size() ? path : path.subList(0, depth);
            sums.computeIfAbsent(key, x -> new double[1])[0] += w;
        });
        double read = clock.readFactor();
        List<CategoryScore> out = new ArrayList<>();
        sums.forEach((path, sum) -> { if (sum[0] * read > 0) out.add(new CategoryScore(path, sum[0] * read)); });
        out.sort(Comparator.comparingDouble(CategoryScore::weight).reversed().thenComparing(CategoryScore::key));
        return List.copyOf(out.subList(0, Math.min(k, out.size())));
    }

    /** The {@code k} items of a leaf category with the strongest total signal from all actors (item-category edges). */
    public List<ItemScore> popularIn(List<String> categoryPath, int k) {
        int c = items.findCategory(categoryPath);
        Ranking r = new Ranking();
        if (c >= 0) items.addMembers(c, r);
        return r.top(k, clock.readFactor(), items::name, this::itemScore);
    }

    /** The key an actor's activity is filed under (the shopper's for a stitched device). */
    public String canonicalKey(String actorKey) { return links.canonical(actorKey); }

    /** Node and edge counts. */
    public GraphStats stats() {
        Map<EdgeKind, Long> edges = new EnumMap<>(EdgeKind.class);
        long actorItems = 0, actorQueries = 0;
        for (ActorNode n : actors.values()) {
            actorItems += n.items.size();
            actorQueries += n.queries.size();
        }
        edges.put(EdgeKind.SHOPPER_ITEM, actorItems);
        edges.put(EdgeKind.SHOPPER_QUERY, actorQueries);
        for (ItemLink kind : ItemLink.values()) edges.put(kind.edgeKind(), items.edges(kind));
        edges.put(EdgeKind.ITEM_CATEGORY, items.categoryEdges());
        return new GraphStats(items.count(), actors.size(), queries.size(), items.categoryCount(), edges, clock().orElse(null));
    }

    /** Estimated heap held by actor nodes (arrays and objects, not the map or key strings), for sizing. */
    long actorBytes() {
        long b = 0;
        for (ActorNode n : actors.values()) b += n.bytes();
        return b;
    }

    /** The graph's clock: the newest event time applied. */
    public Optional<Instant> clock() {
        return clock.started() ? Optional.of(Instant.ofEpochMilli(clock.newest())) : Optional.empty();
    }

    private void pair(RecentItems window, ItemLink kind, int item, double scaled) {
        if (window.contains(item)) return;
        for (int i = 0; i < window.size(); i++) items.link(kind, item, window.get(i), scaled);
        window.push(item, config.window());
    }

    private void addQuery(ActorNode node, String raw, double scaled) {
        String q = normalise(raw);
        if (q.isEmpty()) return;
        int id = queries.intern(q);
        int outcome = node.queries.add(id, scaled, config.actorQueries());
        if (outcome == Neighbours.CREATED) queries.retain(id);
        else if (outcome >= 0) {
            queries.retain(id);
            queries.release(outcome);
        } else if (outcome == Neighbours.REJECTED) queries.releaseIfUnused(id);
    }

    /** A device moves to another shopper: what it did so far stays with the previous one. */
    private void foldDevice(String device, String previousShopper) {
        ActorNode from = actors.get(device);
        if (from == null) return;
        ActorNode to = actor(previousShopper);
        for (int i = 0; i < from.items.size(); i++) to.items.add(from.items.id(i), from.items.weight(i), config.actorItems());
        for (int i = 0; i < from.queries.size(); i++) {
            int id = from.queries.id(i);
            int outcome = to.queries.add(id, from.queries.weight(i), config.actorQueries());
            if (outcome == Neighbours.UPDATED || outcome == Neighbours.REJECTED) queries.release(id);
            else if (outcome >= 0) queries.release(outcome);
        }
        actors.remove(device);
    }

    /** A device logs in: its session in progress becomes the shopper's if the login continues it. */
    private void adoptWindow(String device, ActorNode shopper, String sessionId) {
        ActorNode d = actors.get(device);
        if (d == null || d.window == null || !sessionId.equals(d.window.sessionId)) return;
        shopper.window = d.window;
        d.window = null;
    }

    private void releaseQueries(Neighbours n) {
        for (int i = 0; i < n.size(); i++) queries.release(n.id(i));
    }

    private Ranking itemsOf(String actorKey) {
        Ranking r = new Ranking();
        for (ActorNode n : nodesOf(actorKey)) r.addAll(n.items);
        return r;
    }

    /** The actor's node and, for a shopper (or a device linked to one), the shopper's and every linked device's. */
    private List<ActorNode> nodesOf(String actorKey) {
        String canonical = links.canonical(actorKey);
        List<ActorNode> out = new ArrayList<>(2);
        ActorNode own = actors.get(canonical);
        if (own != null) out.add(own);
        for (String device : links.devicesOf(canonical)) {
            ActorNode d = actors.get(device);
            if (d != null) out.add(d);
        }
        return out;
    }

    private ActorNode actor(String key) { return actors.computeIfAbsent(key, k -> new ActorNode()); }

    private void scale(double factor) {
        items.scale(factor);
        for (ActorNode n : actors.values()) {
            n.items.scale(factor);
            n.queries.scale(factor);
        }
    }

    private ItemScore itemScore(int node, double weight) { return new ItemScore(items.id(node), weight); }

    private static String key(ShopperId shopper) { return "s:" + shopper.value(); }

    /** Trimmed, lower case, single spaces: "Trail  Shoes " and "trail shoes" are one query. */
    static String normalise(String query) {
        return SPACES.matcher(query.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
