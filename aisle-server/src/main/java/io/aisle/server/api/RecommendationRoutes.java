package io.aisle.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.recommend.RecommendationRequest;
import io.aisle.core.recommend.Surface;
import io.aisle.core.validation.Text;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Bodies;
import io.aisle.server.http.Params;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.aisle.server.recommend.MerchandisingRules;
import io.aisle.server.recommend.RecommendationHost;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;

/**
 * Recommendations over HTTP: the home feed, similar items, bought together and next in session (public key), and
 * the merchant's rules (admin key). Parses and maps only; the host does the work.
 */
public final class RecommendationRoutes implements Routes {
    private static final long MAX_RULES_BYTES = 256 * 1024;

    private final RecommendationHost host;
    private final RecommendationJson json;
    private final Bodies bodies;
    private final java.util.function.Function<String, java.util.Optional<String>> assignedVariant;

    /** Without experiments: requests name their variant or get the default one. */
    public RecommendationRoutes(RecommendationHost host, RecommendationJson json, ObjectMapper mapper) {
        this(host, json, mapper, actorKey -> java.util.Optional.empty());
    }

    /**
     * @param assignedVariant the variant a running recommendations experiment assigns to an actor key; used when a
     *                        request names none and the host has that variant installed
     */
    public RecommendationRoutes(RecommendationHost host, RecommendationJson json, ObjectMapper mapper,
                                java.util.function.Function<String, java.util.Optional<String>> assignedVariant) {
        this.host = host;
        this.json = json;
        this.bodies = new Bodies(mapper);
        this.assignedVariant = assignedVariant;
    }

    @Override public void register(Router router) {
        router.get("/v1/recommendations/home", Role.PUBLIC, this::home);
        router.get("/v1/recommendations/similar/{id}", Role.PUBLIC, this::similar);
        router.get("/v1/recommendations/bought-together", Role.PUBLIC, this::boughtTogether);
        router.get("/v1/recommendations/next", Role.PUBLIC, this::next);
        router.get("/v1/recommendations/rules", Role.ADMIN, ctx -> ctx.json(host.rulesCodec().encode(host.rules())));
        router.put("/v1/recommendations/rules", Role.ADMIN, this::putRules);
    }

    private void home(Context ctx) {
        available();
        answer(ctx, new Surface.Home(actor(ctx)));
    }

    private void similar(Context ctx) {
        available();
        answer(ctx, new Surface.Similar(Params.pathId(ctx, ProductId::of)));
    }

    private void boughtTogether(Context ctx) {
        available();
        List<ProductId> cart = new ArrayList<>();
        for (String raw : ctx.queryParams("items")) {
            for (String part : raw.split(",", -1)) {
                String id = part.strip();
                String problem = Text.idProblem(id);
                if (problem != null) throw ApiException.invalid("items", "'" + Params.abbreviate(id) + "' " + problem);
                cart.add(ProductId.of(id));
            }
        }
        if (cart.isEmpty()) throw ApiException.invalid("items", "is required: product ids separated by commas (items=P1,P2)");
        if (cart.size() > Surface.MAX_CART) throw ApiException.invalid("items", "must name at most " + Surface.MAX_CART + " products, got " + cart.size());
        answer(ctx, new Surface.BoughtTogether(cart));
    }

    private void next(Context ctx) {
        available();
        String actor = actor(ctx);
        String session = ctx.queryParam("session_id");
        String problem = Text.idProblem(session);
        if (problem != null) throw ApiException.invalid("session_id", problem);
        answer(ctx, new Surface.NextInSession(actor, session));
    }

    private void answer(Context ctx, Surface surface) {
        int limit = Params.intParam(ctx, "limit", RecommendationRequest.DEFAULT_LIMIT, 1, RecommendationRequest.MAX_LIMIT);
        String variant = ctx.queryParam("variant");
        if (variant != null && Text.idProblem(variant) != null) throw ApiException.invalid("variant", Text.idProblem(variant));
        if (variant == null) variant = experimentVariant(surface);
        boolean fresh = Params.booleanParam(ctx, "fresh", false);
        ctx.json(json.recommendations(host.recommend(new RecommendationRequest(surface, limit, variant, fresh))));
    }

    private void putRules(Context ctx) {
        MerchandisingRules rules = host.rulesCodec().decode(bodies.json(ctx, MAX_RULES_BYTES));
        ctx.json(host.rulesCodec().encode(host.setRules(rules)));
    }

    /** The arm a running experiment assigns to the shopper, when the host serves an arm of that name. */
    private String experimentVariant(Surface surface) {
        String actor = switch (surface) {
            case Surface.Home h -> h.actorKey();
            case Surface.NextInSession n -> n.actorKey();
            default -> null;
        };
        if (actor == null) return null;
        return assignedVariant.apply(actor).filter(v -> host.variants().containsKey(v)).orElse(null);
    }

    /** The actor key from {@code shopper_id} (preferred) or {@code device_id}. */
    private static String actor(Context ctx) {
        String shopper = ctx.queryParam("shopper_id");
        String device = ctx.queryParam("device_id");
        if (shopper != null && Text.idProblem(shopper) != null) throw ApiException.invalid("shopper_id", Text.idProblem(shopper));
        if (device != null && Text.idProblem(device) != null) throw ApiException.invalid("device_id", Text.idProblem(device));
        if (shopper != null) return "s:" + shopper;
        if (device != null) return "a:" + device;
        throw ApiException.invalid("shopper_id", "shopper_id or device_id is required");
    }

    private void available() {
        if (!host.enabled()) {
            throw new ApiException(503, "unavailable", "Recommendations are off on this node (started with --no-personalization)");
        }
    }
}
