package io.aisle.server.console;

import io.aisle.core.port.ProductSearch;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.SearchSort;
import io.aisle.core.validation.ValidationException;
import io.aisle.server.http.ApiKeys;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's search page: what the engine understood of a query, the facets, and why each result is there.
 * Merchants use it to see search as shoppers get it; nothing here is logged as a shopper's search.
 */
public final class SearchPages implements Routes {
    private final ProductSearch search;
    private final ConsoleGuard guard;
    private final Templates templates = new Templates();

    public SearchPages(ProductSearch search, ApiKeys keys) {
        this.search = search;
        this.guard = new ConsoleGuard(new Auth(keys));
    }

    @Override public void register(Router router) {
        router.get("/console/search", Role.OPEN, guard.admin(this::page));
    }

    private void page(Context ctx) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        String mode = ctx.queryParam("mode") == null ? "hybrid" : ctx.queryParam("mode").toLowerCase(Locale.ROOT);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String f : ctx.queryParams("filter")) {
            int colon = f.indexOf(':');
            if (colon > 0) filters.computeIfAbsent(f.substring(0, colon), k -> new ArrayList<>()).add(f.substring(colon + 1));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("q", q);
        p.put("mode", mode);
        p.put("filters", filters);
        p.put("results", null);
        p.put("message", "");
        if (!q.isBlank() || !filters.isEmpty()) {
            try {
                SearchMode m = SearchMode.valueOf(mode.toUpperCase(Locale.ROOT));
                SearchResults r = search.search(new SearchRequest(q, filters, null, null, false, SearchSort.RELEVANCE,
                        m, 0, 20, null, false));
                p.put("results", r);
            } catch (ValidationException e) {
                p.put("message", e.getMessage());
            } catch (IllegalArgumentException e) {
                p.put("message", "mode must be hybrid, lexical or vector");
            }
        }
        templates.render(ctx, "console/search.jte", p);
    }

    /** The page's URL with one more facet value selected. */
    public static String withFilter(String q, String mode, Map<String, List<String>> filters, String facet, String value) {
        StringBuilder url = new StringBuilder("/console/search?q=").append(Fmt.q(q)).append("&mode=").append(Fmt.q(mode));
        filters.forEach((k, vs) -> vs.forEach(v -> url.append("&filter=").append(Fmt.q(k + ":" + v))));
        return url.append("&filter=").append(Fmt.q(facet + ":" + value)).toString();
    }

    /** A score for display. */
    public static String score(Double v) { return v == null ? "–" : String.format(Locale.ROOT, "%.3f", v); }

    /** A rank for display. */
    public static String rank(Integer v) { return v == null ? "–" : "#" + v; }
}
