package io.aisle.server.api;

import io.aisle.core.event.Actor;
import io.aisle.core.event.EventContext;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.port.EventLog;
import io.aisle.core.port.ProductSearch;
import io.aisle.core.search.SearchHit;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.SearchSort;
import io.aisle.core.validation.Text;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Params;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Product search over HTTP. A search made for a known shopper or device is written to the event log as a
 * {@code search} event listing the results shown, so later clicks can be attributed and past searches learned from.
 */
public final class SearchRoutes implements Routes {
    private static final Logger log = LoggerFactory.getLogger(SearchRoutes.class);
    private static final int MAX_FILTERS = 32;

    private final ProductSearch search;
    private final EventLog events;
    private final SearchJson json;
    private final Clock clock;

    public SearchRoutes(ProductSearch search, EventLog events, SearchJson json, Clock clock) {
        this.search = search;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @Override public void register(Router router) {
        router.get("/v1/search", Role.PUBLIC, this::search);
        router.get("/v1/search/suggest", Role.PUBLIC, this::suggest);
    }

    private void search(Context ctx) {
        Actor actor = actor(ctx);
        boolean personalize = Params.booleanParam(ctx, "personalize", actor != null);
        SearchRequest request = new SearchRequest(ctx.queryParam("q"), filters(ctx),
                Params.nonNegativeParam(ctx, "min_price"), Params.nonNegativeParam(ctx, "max_price"), Params.booleanParam(ctx, "in_stock", false),
                Params.choiceParam(ctx, "sort", SearchSort.class, SearchSort.RELEVANCE),
                Params.choiceParam(ctx, "mode", SearchMode.class, SearchMode.HYBRID),
                Params.intParam(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET),
                Params.intParam(ctx, "limit", 10, 1, SearchRequest.MAX_LIMIT),
                actor == null ? null : actor.key(), personalize);
        SearchResults results = search.search(request);
        String searchId = actor == null ? null : record(ctx, actor, request, results);
        ctx.json(json.results(results, searchId));
    }

    private void suggest(Context ctx) {
        String prefix = ctx.queryParam("q");
        if (prefix == null || prefix.isBlank()) throw ApiException.invalid("q", "is required: the text typed so far");
        if (prefix.length() > 100) throw ApiException.invalid("q", "is longer than 100 characters");
        int limit = Params.intParam(ctx, "limit", 8, 1, 20);
        ctx.json(json.suggestions(prefix.strip(), search.suggest(prefix.strip(), limit)));
    }

    /** Writes the search event; a failure to log never fails the search itself. */
    private String record(Context ctx, Actor actor, SearchRequest request, SearchResults results) {
        String id = "srch-" + UUID.randomUUID();
        String session = ctx.queryParam("session_id");
        if (session != null && Text.idProblem(session) != null) throw ApiException.invalid("session_id", Text.idProblem(session));
        List<EventItem> shown = new ArrayList<>(results.hits().size());
        int position = request.offset();
        for (SearchHit h : results.hits()) shown.add(new EventItem(h.id(), h.price() == null ? null : h.price().amount(), 1, position++));
        ShopperEvent event = new ShopperEvent(EventId.of(id), EventName.SEARCH, actor, session == null ? id : session,
                clock.instant(), shown, request.query(), request.filters(), null, null, EventContext.NONE, null, null, null);
        try {
            events.append(List.of(event));
            return id;
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).addKeyValue("search_id", id).log("search event not logged");
            return null;
        }
    }

    private static Actor actor(Context ctx) {
        String shopper = ctx.queryParam("shopper_id");
        String device = ctx.queryParam("anonymous_id");
        if (shopper != null && Text.idProblem(shopper) != null) throw ApiException.invalid("shopper_id", Text.idProblem(shopper));
        if (device != null && Text.idProblem(device) != null) throw ApiException.invalid("anonymous_id", Text.idProblem(device));
        if (shopper == null && device == null) return null;
        return new Actor(shopper == null ? null : io.aisle.core.shopper.ShopperId.of(shopper),
                device == null ? null : io.aisle.core.shopper.AnonymousId.of(device));
    }

    /** {@code filter=brand:HP&filter=brand:Dell&filter=attr.colour:red}: values of one facet are OR-ed. */
    private static Map<String, List<String>> filters(Context ctx) {
        List<String> raw = ctx.queryParams("filter");
        if (raw.size() > MAX_FILTERS) throw ApiException.invalid("filter", "at most " + MAX_FILTERS + " filters");
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : raw) {
            int colon = f.indexOf(':');
            if (colon <= 0 || colon == f.length() - 1) {
                throw ApiException.invalid("filter", "must be facet:value (e.g. brand:HP), got '" + Params.abbreviate(f) + "'");
            }
            out.computeIfAbsent(f.substring(0, colon).strip(), k -> new ArrayList<>()).add(f.substring(colon + 1).strip());
        }
        return out;
    }

}
