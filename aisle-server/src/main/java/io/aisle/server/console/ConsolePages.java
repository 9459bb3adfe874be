package io.aisle.server.console;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.json.EventJson;
import io.aisle.core.json.ProductJson;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.port.EventLog;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.ApiKeys;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Params;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The admin console: login, home, catalogue browser and the live event view. */
final class ConsolePages {
    /** How many of the newest events the live view counts. */
    static final int FEED_WINDOW = 500;
    static final int FEED_ROWS = 50;
    private static final int SESSION_SECONDS = 12 * 3600;

    private final CatalogStore catalog;
    private final EventLog events;
    private final EventJson eventJson;
    private final ProductJson productJson;
    private final ApiKeys keys;
    private final ConsoleGuard guard;
    private final Templates templates;
    private final Clock clock;

    ConsolePages(CatalogStore catalog, EventLog events, EventJson eventJson, ProductJson productJson, ApiKeys keys,
                 Templates templates, Clock clock) {
        this.catalog = catalog;
        this.events = events;
        this.eventJson = eventJson;
        this.productJson = productJson;
        this.keys = keys;
        this.guard = new ConsoleGuard(new Auth(keys));
        this.templates = templates;
        this.clock = clock;
    }

    void register(Router router) {
        router.get(ConsoleGuard.LOGIN_PATH, Role.OPEN, this::loginForm);
        router.post(ConsoleGuard.LOGIN_PATH, Role.OPEN, this::login);
        router.get("/console/logout", Role.OPEN, this::logout);
        router.post("/console/logout", Role.OPEN, this::logout);
        router.get("/", Role.OPEN, guard.admin(this::home));
        router.get("/console", Role.OPEN, ctx -> ctx.redirect("/", HttpStatus.FOUND));
        router.get("/console/catalog", Role.OPEN, guard.admin(this::catalog));
        router.get("/console/catalog/{id}", Role.OPEN, guard.admin(this::product));
        router.get("/console/events", Role.OPEN, guard.admin(this::events));
        router.get("/console/events/feed", Role.OPEN, guard.admin(this::feed));
        router.get("/console/events/{offset}", Role.OPEN, guard.admin(this::event));
    }

    private void loginForm(Context ctx) {
        ConsoleGuard.secureHeaders(ctx);
        if (guard.isAdmin(ctx)) {
            ctx.redirect("/", HttpStatus.FOUND);
            return;
        }
        templates.render(ctx, "console/login.jte", Map.of("error", ""));
    }

    private void login(Context ctx) {
        ConsoleGuard.secureHeaders(ctx);
        String key = ctx.formParam("key");
        if (key == null || keys.roleOf(key.strip()) != Role.ADMIN) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            templates.render(ctx, "console/login.jte", Map.of("error", key != null && keys.roleOf(key.strip()) == Role.PUBLIC
                    ? "That is the public key; the console needs the admin key."
                    : "That key is not the admin key."));
            return;
        }
        // The cookie holds the admin key itself (that is what Auth reads); HttpOnly keeps it from page scripts and
        // SameSite=Strict keeps other sites from riding on it.
        Cookie cookie = new Cookie(Auth.CONSOLE_COOKIE, key.strip(), "/", SESSION_SECONDS, isHttps(ctx), 0, true,
                null, null, SameSite.STRICT);
        ctx.cookie(cookie);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        ConsoleGuard.secureHeaders(ctx);
        ctx.cookie(new Cookie(Auth.CONSOLE_COOKIE, "", "/", 0, isHttps(ctx), 0, true, null, null, SameSite.STRICT));
        ctx.redirect(ConsoleGuard.LOGIN_PATH, HttpStatus.SEE_OTHER);
    }

    private static boolean isHttps(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private void home(Context ctx) {
        List<LoggedEvent> latest = events.latest(1);
        Map<String, Object> p = new HashMap<>();
        p.put("products", catalog.count());
        p.put("events", events.count());
        p.put("lastEvent", latest.isEmpty() ? null : latest.get(0));
        p.put("now", clock.instant());
        p.put("publicKey", keys.publicKey());
        p.put("origin", ctx.scheme() + "://" + ctx.host());
        templates.render(ctx, "console/home.jte", p);
    }

    private void catalog(Context ctx) {
        int limit = Params.intParam(ctx, "limit", 50, 1, 500);
        String after = blankToNull(ctx.queryParam("after"));
        List<Product> page = catalog.page(after, limit);
        Map<String, Object> p = new HashMap<>();
        p.put("products", page);
        p.put("total", catalog.count());
        p.put("after", after == null ? "" : after);
        p.put("next", page.size() == limit ? page.get(page.size() - 1).id().value() : "");
        p.put("limit", limit);
        templates.render(ctx, "console/catalog.jte", p);
    }

    private void product(Context ctx) {
        String raw = Params.pathId(ctx, java.util.function.Function.identity());
        Product product = catalog.get(ProductId.of(raw))
                .orElseThrow(() -> ApiException.notFound("No product with id '" + raw + "'"));
        templates.render(ctx, "console/product.jte",
                Map.of("product", product, "json", productJson.encode(product).toPrettyString()));
    }

    private void events(Context ctx) {
        templates.render(ctx, "console/events.jte", Map.of("feed", feedView()));
    }

    private void feed(Context ctx) {
        templates.render(ctx, "console/feed.jte", Map.of("feed", feedView()));
    }

    private void event(Context ctx) {
        long offset;
        try {
            offset = Long.parseLong(ctx.pathParam("offset"));
        } catch (NumberFormatException e) {
            throw ApiException.invalid("offset", "must be a whole number");
        }
        List<LoggedEvent> found = offset < 1 ? List.of() : events.readAfter(offset - 1, 1);
        if (found.isEmpty() || found.get(0).offset() != offset) throw ApiException.notFound("No event at offset " + offset);
        LoggedEvent e = found.get(0);
        templates.render(ctx, "console/event.jte",
                Map.of("event", e, "json", eventJson.encode(e.event()).toPrettyString()));
    }

    private FeedView feedView() {
        return FeedView.of(events.count(), events.lastOffset(), events.latest(FEED_WINDOW), FEED_WINDOW, FEED_ROWS,
                clock.instant());
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
