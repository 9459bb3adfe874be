package io.aisle.server.console;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.port.ProductSearch;
import io.aisle.core.search.SearchHit;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.SearchSort;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Params;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A demo storefront over the live catalogue that reports shopper behaviour with the browser tracker and the
 * public key, so the rest of Aisle has real events to learn from. Its search box runs Aisle's product search. Open to
 * anyone, as a shop is.
 */
final class Storefront {
    static final int PAGE_SIZE = 24;
    private static final int MAX_QUERY = 200;

    private final StoreCatalog store;
    private final CatalogStore catalog;
    private final ProductSearch search;
    private final Templates templates;
    private final String publicKey;

    Storefront(CatalogStore catalog, ProductSearch search, Templates templates, String publicKey) {
        this.catalog = catalog;
        this.search = search;
        this.store = new StoreCatalog(catalog);
        this.templates = templates;
        this.publicKey = publicKey;
    }

    void register(Router router) {
        router.get("/store", Role.OPEN, this::listing);
        router.get("/store/products/{id}", Role.OPEN, this::product);
    }

    private void listing(Context ctx) {
        String category = param(ctx, "category");
        String query = param(ctx, "q");
        String after = param(ctx, "after");
        StoreCatalog.Listing listing = query == null ? store.list(after, PAGE_SIZE, category)
                : searched(query, category, after);
        StoreCatalog.Categories tree = store.categories();
        Map<String, Object> p = new HashMap<>();
        p.put("publicKey", publicKey);
        p.put("products", listing.products());
        p.put("next", listing.next());
        p.put("category", category == null ? "" : category);
        p.put("query", query == null ? "" : query);
        p.put("after", after == null ? "" : after);
        p.put("topCategories", tree.under(""));
        p.put("subCategories", category == null ? List.of() : tree.under(category));
        ctx.header("Cache-Control", "no-store");
        templates.render(ctx, "store/listing.jte", p);
    }

    /** A page of search results; the cursor is the offset of the next page. */
    private StoreCatalog.Listing searched(String query, String category, String after) {
        int offset = 0;
        if (after != null) {
            try {
                offset = Integer.parseInt(after);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("after", "must be a result offset for a search, got '" + Params.abbreviate(after) + "'");
            }
        }
        Map<String, List<String>> filters = category == null ? Map.of() : Map.of("category", List.of(category));
        SearchResults r = search.search(new SearchRequest(query, filters, null, null, false, SearchSort.RELEVANCE,
                SearchMode.HYBRID, offset, PAGE_SIZE, null, false));
        Map<ProductId, Product> found = catalog.getAll(r.hits().stream().map(SearchHit::id).toList());
        List<Product> products = r.hits().stream().map(h -> found.get(h.id())).filter(java.util.Objects::nonNull).toList();
        int next = offset + r.hits().size();
        boolean more = next < r.total() && next + PAGE_SIZE <= SearchRequest.MAX_OFFSET && !r.hits().isEmpty();
        return new StoreCatalog.Listing(products, more ? String.valueOf(next) : "");
    }

    private void product(Context ctx) {
        String raw = Params.pathId(ctx, java.util.function.Function.identity());
        // A missing product is a problem document like everywhere else: the server's 404 mapper owns 404 bodies.
        Product product = catalog.get(ProductId.of(raw))
                .orElseThrow(() -> ApiException.notFound("No product with id '" + raw + "' in this store"));
        ctx.header("Cache-Control", "no-store");
        templates.render(ctx, "store/product.jte", Map.of("publicKey", publicKey, "product", product));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        v = v.strip();
        if (v.length() > MAX_QUERY) throw ApiException.invalid(name, "must be at most " + MAX_QUERY + " characters");
        return v;
    }
}
