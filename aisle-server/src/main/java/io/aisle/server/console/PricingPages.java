package io.aisle.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.ApiKeys;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.aisle.server.pricing.PricingDesk;
import io.javalin.http.Context;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Console pages for pricing: the recommendations with their status, and one recommendation's demand curve. */
public final class PricingPages implements Routes {
    private final PricingDesk desk;
    private final ConsoleGuard guard;
    private final Templates templates = new Templates();

    public PricingPages(PricingDesk desk, ApiKeys keys) {
        this.desk = desk;
        this.guard = new ConsoleGuard(new Auth(keys));
    }

    @Override public void register(Router router) {
        router.get("/console/pricing", Role.OPEN, guard.admin(this::list));
        router.get("/console/pricing/{id}", Role.OPEN, guard.admin(this::detail));
    }

    private void list(Context ctx) {
        Map<String, Object> p = new HashMap<>();
        p.put("recommendations", desk.list());
        templates.render(ctx, "console/pricing.jte", p);
    }

    private void detail(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode rec = desk.find(id).orElseThrow(() -> ApiException.notFound("No pricing recommendation with id '" + id + "'"));
        Map<String, Object> p = new HashMap<>();
        p.put("rec", rec);
        p.put("chart", PricingChart.of(rec));
        p.put("audit", desk.audit(rec.path("product_id").asText()));
        templates.render(ctx, "console/pricing-recommendation.jte", p);
    }

    /** Text of a JSON field for the templates. */
    public static String text(JsonNode n, String field) { return n.path(field).asText(); }

    /** A price or amount with two decimals. */
    public static String money(JsonNode n, String field) { return PricingChart.money(n.path(field).asDouble()); }

    /** The binding guardrails, comma-separated, or a dash. */
    public static String binding(JsonNode rec) {
        List<String> names = new java.util.ArrayList<>();
        rec.path("binding_guardrails").forEach(b -> names.add(b.asText()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
