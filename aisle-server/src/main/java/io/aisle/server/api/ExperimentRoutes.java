package io.aisle.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.ExperimentConflictException;
import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.Text;
import io.aisle.recommend.experiment.Assigner;
import io.aisle.recommend.experiment.Experiments;
import io.aisle.recommend.experiment.ShopperKeys;
import io.aisle.server.derived.ExperimentResults;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Bodies;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;

import java.util.List;

/**
 * HTTP face of online experiments: define, list, read with live metrics, stop (admin), and ask which variant a
 * shopper gets (public, so a storefront can render a variant itself).
 */
public final class ExperimentRoutes implements Routes {
    static final long MAX_BODY_BYTES = 64 * 1024;

    private final Experiments experiments;
    private final ExperimentResults results;
    private final ExperimentJson json;
    private final Bodies bodies;
    private final ObjectMapper mapper;

    public ExperimentRoutes(Experiments experiments, ExperimentResults results, ExperimentJson json, ObjectMapper mapper) {
        this.experiments = experiments;
        this.results = results;
        this.json = json;
        this.bodies = new Bodies(mapper);
        this.mapper = mapper;
    }

    @Override public void register(Router router) {
        router.post("/v1/experiments", Role.ADMIN, this::create);
        router.get("/v1/experiments", Role.ADMIN, this::list);
        router.get("/v1/experiments/{id}", Role.ADMIN, this::one);
        router.post("/v1/experiments/{id}/stop", Role.ADMIN, this::stop);
        router.get("/v1/experiments/{id}/assignment", Role.PUBLIC, this::assignment);
    }

    private void create(Context ctx) {
        ExperimentJson.Definition d = json.definition(bodies.json(ctx, MAX_BODY_BYTES));
        Experiment created;
        try {
            created = experiments.create(d.id(), d.description(), d.surface(), d.traffic(), d.variants());
        } catch (ExperimentConflictException e) {
            throw conflict(e);
        }
        ctx.header("Location", "/v1/experiments/" + created.id());
        ctx.status(201).json(withMetrics(created));
    }

    private void list(Context ctx) {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode list = out.putArray("experiments");
        for (Experiment e : experiments.list()) list.add(json.encode(e));
        ctx.json(out);
    }

    private void one(Context ctx) { ctx.json(withMetrics(find(ctx))); }

    private void stop(Context ctx) {
        Experiment e = find(ctx);
        ctx.json(withMetrics(experiments.stop(e.id())));
    }

    private void assignment(Context ctx) {
        Experiment e = find(ctx);
        String shopper = ctx.queryParam("shopper_id");
        String anonymous = ctx.queryParam("anonymous_id");
        if ((shopper == null) == (anonymous == null)) {
            throw ApiException.invalid("shopper_id", "send exactly one of shopper_id and anonymous_id");
        }
        String key = shopper != null ? ShopperKeys.shopper(shopper) : ShopperKeys.anonymous(anonymous);
        ctx.json(json.assignment(e, key, e.running() ? Assigner.assign(e, key).orElse(null) : null));
    }

    private ObjectNode withMetrics(Experiment e) {
        ObjectNode n = json.encode(e);
        results.of(e).ifPresentOrElse(m -> n.set("metrics", json.metrics(m)), () -> n.putNull("metrics"));
        return n;
    }

    private Experiment find(Context ctx) {
        String id = ctx.pathParam("id");
        String problem = Text.idProblem(id);
        if (problem != null) throw ApiException.invalid("id", problem);
        return experiments.find(id).orElseThrow(() -> ApiException.notFound("No experiment with id '" + id + "'"));
    }

    private static ApiException conflict(ExperimentConflictException e) {
        return new ApiException(409, "conflict", e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())), null);
    }
}
