package io.aisle.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.ValidationException;
import io.aisle.pricing.guard.InfeasibleGuardrailsException;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Bodies;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.aisle.server.pricing.PricingCall;
import io.aisle.server.pricing.PricingDesk;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * HTTP face of pricing: recommend prices for a set of products, approve and apply a recommendation, read the audit
 * log. All admin: prices are the merchant's decision.
 */
public final class PricingRoutes implements Routes {
    static final long MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final PricingDesk desk;
    private final PricingJson json;
    private final Bodies bodies;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PricingRoutes(PricingDesk desk, PricingJson json, ObjectMapper mapper, Clock clock) {
        this.desk = desk;
        this.json = json;
        this.bodies = new Bodies(mapper);
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override public void register(Router router) {
        router.post("/v1/pricing/recommendations", Role.ADMIN, this::recommend);
        router.get("/v1/pricing/recommendations", Role.ADMIN, this::list);
        router.get("/v1/pricing/recommendations/{id}", Role.ADMIN, ctx -> ctx.json(find(ctx)));
        router.post("/v1/pricing/recommendations/{id}/approve", Role.ADMIN, ctx -> decide(ctx, true));
        router.post("/v1/pricing/recommendations/{id}/apply", Role.ADMIN, ctx -> decide(ctx, false));
        router.get("/v1/pricing/audit", Role.ADMIN, this::audit);
    }

    private void recommend(Context ctx) {
        PricingCall call = json.call(bodies.json(ctx, MAX_BODY_BYTES), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        List<ObjectNode> recs;
        try {
            recs = desk.recommend(call);
        } catch (InfeasibleGuardrailsException e) {
            int index = indexOf(call, e.productId());
            String field = index < 0 ? "products" : "products[" + index + "].guardrails";
            throw new ApiException(422, "infeasible_guardrails", e.getMessage(), List.of(new FieldError(field, e.getMessage())), null);
        } catch (ValidationException e) {
            throw ApiException.invalid(e.errors());
        }
        ObjectNode out = mapper.createObjectNode();
        out.putArray("recommendations").addAll(recs);
        ctx.status(201).json(out);
    }

    private static int indexOf(PricingCall call, String productId) {
        for (int i = 0; i < call.products().size(); i++) if (call.products().get(i).input().id().equals(productId)) return i;
        return -1;
    }

    private void list(Context ctx) {
        ObjectNode out = mapper.createObjectNode();
        out.putArray("recommendations").addAll(desk.list());
        ctx.json(out);
    }

    private ObjectNode find(Context ctx) {
        String id = ctx.pathParam("id");
        return desk.find(id).orElseThrow(() -> ApiException.notFound("No pricing recommendation with id '" + id + "'"));
    }

    private void decide(Context ctx, boolean approve) {
        String id = ctx.pathParam("id");
        String[] decision = json.decision(bodies.json(ctx, 16 * 1024));
        ObjectNode rec;
        try {
            rec = approve ? desk.approve(id, decision[0], decision[1]) : desk.apply(id, decision[0], decision[1]);
        } catch (PricingDesk.StateException e) {
            throw new ApiException(409, "conflict", e.getMessage());
        }
        if (rec == null) throw ApiException.notFound("No pricing recommendation with id '" + id + "'");
        ctx.json(rec);
    }

    private void audit(Context ctx) {
        ObjectNode out = mapper.createObjectNode();
        out.putArray("entries").addAll(desk.audit(ctx.queryParam("product_id")));
        ctx.json(out);
    }
}
