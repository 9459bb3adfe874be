package io.aisle.features.feature;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.port.CatalogStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Item to listing, category, brand and prices, as features read them. A snapshot: features computed with one
 * catalogue are reproducible only with the same catalogue, so build it once per pipeline or export.
 */
public interface ItemCatalog {

    /** The facts of a product; empty when the catalogue does not know it. */
    Optional<ItemFacts> facts(ProductId id);

    /** Knows nothing: items keep their own ids, with no category, brand or prices. */
    static ItemCatalog empty() { return id -> Optional.empty(); }

    /** A snapshot of these products, with category medians computed over them. */
    static ItemCatalog of(Iterable<Product> products) {
        Map<String, List<Double>> pricesByCategory = new HashMap<>();
        List<Product> all = new ArrayList<>();
        for (Product p : products) {
            all.add(p);
            pricesByCategory.computeIfAbsent(EntityRef.categoryKey(p.categoryPath()), k -> new ArrayList<>())
                    .add(p.price().amount().doubleValue());
        }
        Map<String, Double> medians = new HashMap<>();
        pricesByCategory.forEach((category, prices) -> medians.put(category, median(prices)));
        Map<String, String> interned = new HashMap<>(); // one String per category and brand, not one per product
        // Keyed by the id's String, one dereference less per lookup than by ProductId: this is on every event's path.
        Map<String, ItemFacts> facts = new HashMap<>(all.size() * 2);
        for (Product p : all) {
            String category = interned.computeIfAbsent(EntityRef.categoryKey(p.categoryPath()), Function.identity());
            String brand = p.brand() == null ? "" : interned.computeIfAbsent(p.brand(), Function.identity());
            facts.put(p.id().value(), new ItemFacts(p.parentId() == null ? p.id() : p.parentId(), category, brand,
                    p.price().amount().doubleValue(), category.isEmpty() ? Double.NaN : medians.get(category)));
        }
        return id -> Optional.ofNullable(facts.get(id.value()));
    }

    /** A snapshot of a whole catalogue store, read page by page. */
    static ItemCatalog load(CatalogStore store) {
        List<Product> all = new ArrayList<>();
        String after = null;
        for (List<Product> page; !(page = store.page(after, 1000)).isEmpty(); after = page.getLast().id().value()) {
            all.addAll(page);
        }
        return of(all);
    }

    /**
     * Looks products up one by one on first use and caches the answer (misses included). No category medians: the
     * price index is NaN.
     */
    static ItemCatalog lookup(Function<ProductId, Optional<Product>> products) {
        Map<ProductId, Optional<ItemFacts>> cache = new ConcurrentHashMap<>();
        return id -> cache.computeIfAbsent(id, k -> products.apply(k).map(p -> new ItemFacts(
                p.parentId() == null ? p.id() : p.parentId(), EntityRef.categoryKey(p.categoryPath()),
                p.brand(), p.price().amount().doubleValue(), Double.NaN)));
    }

    private static double median(List<Double> prices) {
        double[] sorted = prices.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
