package io.aisle.simulator;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The few facts per product the shopper simulator needs (category, brand, price, stock, variants, uses), in flat
 * arrays so a million products cost tens of megabytes rather than the gigabytes their full records would.
 * Categories the default taxonomy knows bring their search words and seasons; others get plain fallbacks.
 */
public final class CatalogView {
    private static final double[] FLAT_YEAR = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    private final String currency;
    private final int digits;
    private final ProductId[] ids;
    private final int[] category;
    private final int[] brand;
    private final long[] price;
    private final int[] parent;
    private final int[][] children;
    private final boolean[] inStock;
    private final long[] uses;
    private final String[] brands;
    private final CategoryInfo[] categories;
    private final Map<ProductId, Integer> index;

    private CatalogView(List<Row> rows, String currency) {
        int n = rows.size();
        this.currency = currency;
        this.digits = Currency.getInstance(currency).getDefaultFractionDigits();
        ids = new ProductId[n];
        category = new int[n];
        brand = new int[n];
        price = new long[n];
        parent = new int[n];
        children = new int[n][];
        inStock = new boolean[n];
        uses = new long[n];
        index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            ids[i] = rows.get(i).id();
            if (index.put(ids[i], i) != null) throw new IllegalArgumentException("product " + ids[i] + " appears twice");
        }
        Map<String, Integer> brandIds = new LinkedHashMap<>();
        Map<String, Integer> categoryIds = new LinkedHashMap<>();
        List<Map<String, Integer>> useIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            brand[i] = brandIds.computeIfAbsent(row.brand(), b -> brandIds.size());
            category[i] = categoryIds.computeIfAbsent(row.category(), c -> {
                useIds.add(new LinkedHashMap<>());
                return categoryIds.size();
            });
            price[i] = row.priceMinor();
            inStock[i] = row.inStock();
            Integer p = row.parentId() == null ? null : index.get(row.parentId());
            parent[i] = p == null ? -1 : p; // a variant whose parent is missing is listed on its own
            Map<String, Integer> vocabulary = useIds.get(category[i]);
            for (String use : row.uses()) {
                int bit = vocabulary.computeIfAbsent(use, u -> vocabulary.size());
                if (bit < 64) uses[i] |= 1L << bit;
            }
        }
        int[] childCount = new int[n];
        for (int i = 0; i < n; i++) if (parent[i] >= 0) childCount[parent[i]]++;
        for (int i = 0; i < n; i++) if (childCount[i] > 0) children[i] = new int[childCount[i]];
        Arrays.fill(childCount, 0);
        for (int i = 0; i < n; i++) {
            if (parent[i] >= 0) children[parent[i]][childCount[parent[i]]++] = i;
        }
        // A parent is in stock when any of its variants is: that is what a shopper on its page can buy.
        for (int i = 0; i < n; i++) {
            if (children[i] != null) {
                boolean any = false;
                for (int c : children[i]) any |= inStock[c];
                inStock[i] = any;
            }
        }
        brands = brandIds.keySet().toArray(String[]::new);
        categories = buildCategories(categoryIds, useIds);
    }

    private CategoryInfo[] buildCategories(Map<String, Integer> categoryIds, List<Map<String, Integer>> useIds) {
        Taxonomy taxonomy = Taxonomy.standard();
        int count = categoryIds.size();
        int[] listable = new int[count];
        for (int i = 0; i < ids.length; i++) if (parent[i] < 0) listable[category[i]]++;
        int[][] items = new int[count][];
        for (int c = 0; c < count; c++) items[c] = new int[listable[c]];
        Arrays.fill(listable, 0);
        for (int i = 0; i < ids.length; i++) if (parent[i] < 0) items[category[i]][listable[category[i]]++] = i;
        CategoryInfo[] out = new CategoryInfo[count];
        for (Map.Entry<String, Integer> e : categoryIds.entrySet()) {
            int c = e.getValue();
            String key = e.getKey();
            long[] prices = new long[items[c].length];
            for (int k = 0; k < prices.length; k++) prices[k] = price[items[c][k]];
            Arrays.sort(prices);
            int[] brandsHere = Arrays.stream(items[c]).map(i -> brand[i]).distinct().sorted().toArray();
            List<String> useLabels = List.copyOf(useIds.get(c).keySet()).subList(0, Math.min(64, useIds.get(c).size()));
            CategoryProfile profile = taxonomy.find(key);
            String leaf = key.contains(" > ") ? key.substring(key.lastIndexOf(" > ") + 3) : key.isEmpty() ? "products" : key;
            out[c] = new CategoryInfo(key, CategoryInfo.slug(key),
                    profile != null ? profile.queryNouns() : List.of(leaf.toLowerCase(Locale.ROOT)),
                    profile != null ? profile.queryModifiers() : List.of(),
                    useLabels,
                    profile != null ? profile.months() : FLAT_YEAR,
                    prices.length == 0 ? 1 : Math.max(1, prices[prices.length / 2]),
                    profile != null ? profile.maxQuantity() : 1,
                    profile != null ? profile.refundRate() : 0.05,
                    items[c], brandsHere);
        }
        return out;
    }

    /** A view of the products, read once; all must share one currency. */
    public static CatalogView of(Iterator<Product> products) {
        List<Row> rows = new ArrayList<>();
        String currency = null;
        while (products.hasNext()) {
            Product p = products.next();
            if (currency == null) currency = p.price().currency();
            else if (!currency.equals(p.price().currency())) {
                throw new IllegalArgumentException("product " + p.id() + " is priced in " + p.price().currency()
                        + " but the catalogue in " + currency + "; the simulator prices in one currency");
            }
            rows.add(Row.of(p));
        }
        if (rows.isEmpty()) throw new IllegalArgumentException("the catalogue has no products");
        return new CatalogView(rows, currency);
    }

    public static CatalogView of(Iterable<Product> products) { return of(products.iterator()); }

    public static CatalogView of(Stream<Product> products) { return of(products.iterator()); }

    /** A view of a generated catalogue, streamed so the full products are never all held. */
    public static CatalogView of(CatalogGenerator generator) { return of(generator.products().iterator()); }

    public int size() { return ids.length; }

    public String currency() { return currency; }

    /** Category keys ("Shoes > Running Shoes"), in order of first appearance. */
    public List<String> categories() { return Arrays.stream(categories).map(CategoryInfo::key).toList(); }

    public OptionalInt indexOf(ProductId id) {
        Integer i = index.get(id);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The category key of a product, or null when the product is not in the view. */
    public String categoryOf(ProductId id) {
        Integer i = index.get(id);
        return i == null ? null : categories[category[i]].key();
    }

    /** The brand of a product, or null when the product is not in the view. */
    public String brandOf(ProductId id) {
        Integer i = index.get(id);
        return i == null ? null : brands[brand[i]];
    }

    /** The listable product a variant belongs to (the variant's parent), or the product itself. */
    public ProductId listingOf(ProductId id) {
        Integer i = index.get(id);
        if (i == null) return null;
        return parent[i] >= 0 ? ids[parent[i]] : id;
    }

    // Package-private reads for the simulator; indices are catalogue positions.
    int digits() { return digits; }
    ProductId id(int i) { return ids[i]; }
    int category(int i) { return category[i]; }
    int brand(int i) { return brand[i]; }
    long price(int i) { return price[i]; }
    int parent(int i) { return parent[i]; }
    int[] children(int i) { return children[i]; }
    boolean inStock(int i) { return inStock[i]; }
    long uses(int i) { return uses[i]; }
    String brandName(int b) { return brands[b]; }
    int brandCount() { return brands.length; }
    CategoryInfo categoryInfo(int c) { return categories[c]; }
    int categoryCount() { return categories.length; }

    private record Row(ProductId id, ProductId parentId, String category, String brand, long priceMinor, boolean inStock,
                       List<String> uses) {
        static Row of(Product p) {
            int digits = Currency.getInstance(p.price().currency()).getDefaultFractionDigits();
            List<String> uses = switch (p.attributes().get("good_for")) {
                case AttributeValue.Texts t -> t.values();
                case AttributeValue.Text t -> List.of(t.value());
                case null, default -> List.of();
            };
            return new Row(p.id(), p.parentId(), String.join(" > ", p.categoryPath()),
                    p.brand() == null ? "" : p.brand(), p.price().amount().movePointRight(Math.max(digits, 0)).longValueExact(),
                    p.inStock(), uses);
        }
    }
}
