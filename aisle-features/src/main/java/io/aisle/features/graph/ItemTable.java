package io.aisle.features.graph;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The item side of the graph: item ids interned to dense ints, each item's category and total signal (its
 * popularity, the item-category edge weight), its item-item neighbours per {@link ItemLink}, and each category's
 * member items (ranked by total only when asked, so a signal costs one array write, not a re-sort). The catalogue
 * is asked once per item id (the int arrays are the cache); an id it does not know is asked again after
 * {@link GraphConfig#catalogRetry()} of graph time. Whether a variant folds into its parent is decided the first
 * time its id is seen.
 */
final class ItemTable {
    private static final long RESOLVED = Long.MAX_VALUE;

    private final Function<ProductId, Optional<Product>> catalog;
    private final GraphConfig config;
    private final StringIntMap nodeOfId = new StringIntMap();
    private final Interner items = new Interner();
    private final Interner categories = new Interner();
    private final List<List<String>> paths = new ArrayList<>();
    private final List<int[]> members = new ArrayList<>();
    private int[] memberCount = new int[0];
    private final Neighbours[][] links = new Neighbours[ItemLink.values().length][];
    private int[] categoryOf = new int[0];
    private long[] lookedUpAt = new long[0];
    private double[] total = new double[0];

    ItemTable(Function<ProductId, Optional<Product>> catalog, GraphConfig config) {
        this.catalog = catalog;
        this.config = config;
        clear();
    }

    /** The node of an item id seen in an event at {@code atMillis}, created (and its category looked up) if new. */
    int node(ProductId id, long atMillis) {
        int n = nodeOfId.get(id.value());
        if (n >= 0) {
            if (lookedUpAt[n] != RESOLVED && atMillis - lookedUpAt[n] >= config.catalogRetry().toMillis()) {
                classify(n, catalog.apply(id), atMillis);
            }
            return n;
        }
        Optional<Product> product = catalog.apply(id);
        // Variants fold into their listing so views (of the parent page) and carts (of a size) meet on one node.
        String listing = config.foldVariants() && product.isPresent() && product.get().parentId() != null
                ? product.get().parentId().value() : id.value();
        n = items.intern(listing);
        if (n >= total.length) grow(n + 1);
        nodeOfId.put(id.value(), n);
        if (categoryOf[n] < 0) classify(n, product, atMillis);
        return n;
    }

    /** The node of an item id, or -1 if never seen. */
    int find(ProductId id) { return nodeOfId.get(id.value()); }

    ProductId id(int node) { return ProductId.of(items.name(node)); }

    String name(int node) { return items.name(node); }

    int count() { return items.size(); }

    int categoryOf(int node) { return categoryOf[node]; }

    List<String> path(int category) { return paths.get(category); }

    int categoryCount() { return categories.size(); }

    int findCategory(List<String> path) { return categories.find(String.join(" > ", path)); }

    /** Adds a signal to the item's total (the weight of its item-category edge). */
    void addSignal(int node, double scaled) { total[node] += scaled; }

    /** Adds every item of a category, weighted by its total, to {@code into}. */
    void addMembers(int category, Ranking into) {
        int[] m = members.get(category);
        for (int i = 0, n = memberCount[category]; i < n; i++) into.add(m[i], total[m[i]]);
    }

    /** Adds a co-occurrence of two items to both sides. */
    void link(ItemLink kind, int a, int b, double scaled) {
        if (a == b) return;
        neighbours(kind, a).add(b, scaled, config.itemNeighbours());
        neighbours(kind, b).add(a, scaled, config.itemNeighbours());
    }

    /** The item's neighbours of a kind, or null if it has none. */
    Neighbours linksOf(ItemLink kind, int node) { return links[kind.ordinal()][node]; }

    long edges(ItemLink kind) {
        long n = 0;
        for (Neighbours x : links[kind.ordinal()]) if (x != null) n += x.size();
        return n;
    }

    long categoryEdges() {
        long n = 0;
        for (int i = 0; i < items.capacity(); i++) if (categoryOf[i] >= 0) n++;
        return n;
    }

    /** Multiplies every stored weight (the clock moved its epoch). */
    void scale(double factor) {
        for (int i = 0; i < total.length; i++) total[i] *= factor;
        for (Neighbours[] kind : links) for (Neighbours x : kind) if (x != null) x.scale(factor);
    }

    void clear() {
        nodeOfId.clear();
        items.clear();
        categories.clear();
        paths.clear();
        members.clear();
        memberCount = new int[0];
        categoryOf = new int[0];
        lookedUpAt = new long[0];
        total = new double[0];
        Arrays.setAll(links, k -> new Neighbours[0]);
    }

    private void classify(int n, Optional<Product> product, long atMillis) {
        if (product.isEmpty()) {
            lookedUpAt[n] = atMillis;
            return;
        }
        lookedUpAt[n] = RESOLVED;
        List<String> path = product.get().categoryPath();
        if (path.isEmpty()) return;
        int c = categories.intern(String.join(" > ", path));
        if (c == paths.size()) {
            paths.add(path);
            members.add(new int[4]);
            if (c >= memberCount.length) memberCount = Arrays.copyOf(memberCount, Math.max(16, 2 * c));
        }
        categoryOf[n] = c;
        int[] m = members.get(c);
        if (memberCount[c] == m.length) members.set(c, m = Arrays.copyOf(m, 2 * m.length));
        m[memberCount[c]++] = n;
    }

    private Neighbours neighbours(ItemLink kind, int node) {
        Neighbours[] row = links[kind.ordinal()];
        Neighbours x = row[node];
        if (x == null) row[node] = x = new Neighbours();
        return x;
    }

    private void grow(int min) {
        int n = Math.max(min, Math.max(1024, total.length * 2));
        int old = total.length;
        categoryOf = Arrays.copyOf(categoryOf, n);
        Arrays.fill(categoryOf, old, n, -1);
        lookedUpAt = Arrays.copyOf(lookedUpAt, n);
        Arrays.fill(lookedUpAt, old, n, Long.MIN_VALUE);
        total = Arrays.copyOf(total, n);
        for (int k = 0; k < links.length; k++) links[k] = Arrays.copyOf(links[k], n);
    }
}
