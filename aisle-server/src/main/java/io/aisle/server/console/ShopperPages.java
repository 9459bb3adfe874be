package io.aisle.server.console;

import io.aisle.core.shopper.ShopperId;
import io.aisle.core.validation.Text;
import io.aisle.server.api.ShopperProfiles;
import io.aisle.server.http.ApiKeys;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Console pages for shoppers: a lookup form and one shopper's profile, composed as the profile API composes it. */
public final class ShopperPages implements Routes {
    private final ShopperProfiles profiles;
    private final ConsoleGuard guard;
    private final Templates templates;

    public ShopperPages(ShopperProfiles profiles, ApiKeys keys) {
        this.profiles = profiles;
        this.guard = new ConsoleGuard(new Auth(keys));
        this.templates = new Templates();
    }

    @Override public void register(Router router) {
        router.get("/console/shoppers", Role.OPEN, guard.admin(this::lookup));
        router.get("/console/shoppers/{id}", Role.OPEN, guard.admin(this::shopper));
    }

    /** The form; with {@code ?id=} it goes straight to that shopper's page. */
    private void lookup(Context ctx) {
        String id = ctx.queryParam("id");
        if (id == null || id.isBlank()) {
            renderLookup(ctx, "", "");
            return;
        }
        id = id.strip();
        String problem = Text.idProblem(id);
        if (problem != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderLookup(ctx, id, "A shopper id " + problem + ".");
            return;
        }
        ctx.redirect("/console/shoppers/" + Fmt.seg(id), HttpStatus.FOUND);
    }

    private void shopper(Context ctx) {
        String raw = ctx.pathParam("id");
        String problem = Text.idProblem(raw);
        if (problem != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderLookup(ctx, raw, "A shopper id " + problem + ".");
            return;
        }
        Optional<ShopperView> view = profiles.profile(ShopperId.of(raw)).map(ShopperView::of);
        if (view.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            renderLookup(ctx, raw, "Nothing is known about shopper '" + raw + "'.");
            return;
        }
        templates.render(ctx, "console/shopper.jte", Map.of("shopper", view.get()));
    }

    private void renderLookup(Context ctx, String id, String message) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("message", message);
        templates.render(ctx, "console/shoppers.jte", p);
    }
}
