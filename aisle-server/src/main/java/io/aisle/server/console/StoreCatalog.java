package io.aisle.server.console;

import io.aisle.core.catalog.Product;
import io.aisle.core.port.CatalogStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The demo store's view of the catalogue: filtered listing pages and the category tree. It scans the store in id
 * order within a fixed budget, which is plenty for demo catalogues; the search box goes to product search instead.
 */
final class StoreCatalog {
    /** At most this many products are examined for one listing page or for the category tree. */
    static final int SCAN_BUDGET = 10_000;
    private static final int MAX_BATCH = 500;

    /** One listing page; {@code next} is the cursor to continue from, or empty at the end. */
    record Listing(List<Product> products, String next) {}

    /** Category names under each category ("" is the root), with product counts, sorted by name. */
    record Categories(long catalogSize, Map<String, Map<String, Integer>> children) {
        List<Map.Entry<String, Integer>> under(String parent) {
            return List.copyOf(children.getOrDefault(parent == null ? "" : parent, Map.of()).entrySet());
        }
    }

    private final CatalogStore catalog;
    // Rebuilt when the catalogue size changes; cheap to keep, and a stale entry only affects the filter links.
    private final AtomicReference<Categories> categories = new AtomicReference<>();

    StoreCatalog(CatalogStore catalog) { this.catalog = catalog; }

    /** Up to {@code size} top-level products (not variants) in {@code category} (null: all), after {@code after}. */
    Listing list(String after, int size, String category) {
        Predicate<Product> match = p -> p.parentId() == null;
        if (category != null) match = match.and(p -> p.categoryPath().contains(category));
        List<Product> found = new ArrayList<>(size);
        String cursor = after;
        int examined = 0;
        // Unfiltered pages need little more than one page; filtered ones read ever larger batches.
        int batchSize = Math.max(2 * size, 50);
        while (examined < SCAN_BUDGET) {
            int want = Math.min(batchSize, SCAN_BUDGET - examined);
            List<Product> batch = catalog.page(cursor, want);
            for (Product p : batch) {
                examined++;
                cursor = p.id().value();
                if (match.test(p)) {
                    found.add(p);
                    if (found.size() == size) return new Listing(found, cursor);
                }
            }
            if (batch.size() < want) return new Listing(found, "");
            batchSize = Math.min(batchSize * 2, MAX_BATCH);
        }
        // Out of budget: let the shopper continue from where the scan stopped.
        return new Listing(found, cursor == null ? "" : cursor);
    }

    /** The category tree of the first {@link #SCAN_BUDGET} products. */
    Categories categories() {
        long size = catalog.count();
        Categories known = categories.get();
        if (known != null && known.catalogSize() == size) return known;
        Map<String, Map<String, Integer>> children = new TreeMap<>();
        String cursor = null;
        int examined = 0;
        while (examined < SCAN_BUDGET) {
            List<Product> batch = catalog.page(cursor, MAX_BATCH);
            for (Product p : batch) {
                examined++;
                cursor = p.id().value();
                if (p.parentId() != null) continue;
                String parent = "";
                for (String c : p.categoryPath()) {
                    children.computeIfAbsent(parent, k -> new TreeMap<>()).merge(c, 1, Integer::sum);
                    parent = c;
                }
            }
            if (batch.size() < MAX_BATCH) break;
        }
        Categories built = new Categories(size, children);
        categories.set(built);
        return built;
    }
}
