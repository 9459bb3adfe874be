package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.content.pipeline.ContentJobs;
import io.aisle.content.pipeline.ReviewQueue;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.Text;
import io.aisle.core.validation.ValidationException;
import io.aisle.server.content.ContentHost;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Bodies;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * HTTP face of the content studio (admin): start generation jobs and follow their progress, work the review queue
 * (list, approve a candidate, reject), read a product's published texts. Bad input is a 422 naming each field.
 */
public final class ContentRoutes implements Routes {
    static final long MAX_BODY_BYTES = 512 * 1024;

    private final ContentHost host;
    private final ContentJson json;
    private final Bodies bodies;
    private final ObjectMapper mapper;

    public ContentRoutes(ContentHost host, ContentJson json, ObjectMapper mapper) {
        this.host = host;
        this.json = json;
        this.bodies = new Bodies(mapper);
        this.mapper = mapper;
    }

    @Override public void register(Router router) {
        router.post("/v1/content/jobs", Role.ADMIN, this::submit);
        router.get("/v1/content/jobs", Role.ADMIN, this::jobs);
        router.get("/v1/content/jobs/{id}", Role.ADMIN, this::job);
        router.get("/v1/content/review", Role.ADMIN, this::review);
        router.get("/v1/content/review/{id}", Role.ADMIN, this::reviewItem);
        router.post("/v1/content/review/{id}/approve", Role.ADMIN, this::approve);
        router.post("/v1/content/review/{id}/reject", Role.ADMIN, this::reject);
        router.get("/v1/content/products/{id}", Role.ADMIN, this::published);
    }

    private void submit(Context ctx) {
        ContentJobs.Spec spec;
        try {
            spec = json.spec(bodies.json(ctx, MAX_BODY_BYTES));
        } catch (ValidationException e) {
            throw ApiException.invalid(e.errors());
        }
        List<FieldError> missing = new ArrayList<>();
        var found = host.catalog().getAll(spec.products());
        for (int i = 0; i < spec.products().size(); i++) {
            ProductId id = spec.products().get(i);
            if (!found.containsKey(id)) missing.add(new FieldError("product_ids[" + i + "]", "no product with id '" + id + "'"));
        }
        if (!missing.isEmpty()) throw ApiException.invalid(missing);
        ContentJobs.Status status = host.jobs().submit(spec);
        ctx.header("Location", "/v1/content/jobs/" + status.id());
        ctx.status(202).json(json.job(status));
    }

    private void jobs(Context ctx) {
        ObjectNode out = mapper.createObjectNode();
        ArrayNode list = out.putArray("jobs");
        host.jobs().all().stream().sorted(java.util.Comparator.comparing(ContentJobs.Status::createdAt).reversed())
                .forEach(s -> list.add(json.job(s)));
        ctx.json(out);
    }

    private void job(Context ctx) {
        String id = id(ctx);
        ctx.json(json.job(host.jobs().status(id).orElseThrow(() -> ApiException.notFound("No content job with id '" + id + "'"))));
    }

    private void review(Context ctx) {
        String s = ctx.queryParam("status");
        ReviewQueue.Status status = ReviewQueue.Status.PENDING;
        if (s != null) {
            if (s.equals("all")) status = null;
            else {
                try {
                    status = ReviewQueue.Status.valueOf(s.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid(List.of(new FieldError("status", "must be pending, approved, rejected or all, got '" + s + "'")));
                }
            }
        }
        ObjectNode out = mapper.createObjectNode();
        ArrayNode items = out.putArray("items");
        for (ReviewQueue.Item item : host.review().list(status)) items.add(json.item(item));
        ctx.json(out);
    }

    private void reviewItem(Context ctx) { ctx.json(json.item(item(ctx))); }

    private void approve(Context ctx) {
        ReviewQueue.Item item = item(ctx);
        JsonNode body = bodies.json(ctx, MAX_BODY_BYTES);
        JsonNode c = body.path("candidate");
        if (!c.isInt()) throw ApiException.invalid(List.of(new FieldError("candidate", "is required: the index of the candidate to publish")));
        try {
            ctx.json(json.item(host.review().approve(item.id(), c.asInt(), body.path("reviewer").asText(""))));
        } catch (ValidationException e) {
            throw decided(e);
        }
    }

    private void reject(Context ctx) {
        ReviewQueue.Item item = item(ctx);
        String note = "";
        if (ctx.contentLength() > 0) {
            JsonNode n = bodies.json(ctx, MAX_BODY_BYTES).path("note");
            if (!n.isMissingNode() && !n.isTextual()) throw ApiException.invalid(List.of(new FieldError("note", "must be a string")));
            note = n.asText("");
            if (note.length() > 1000) throw ApiException.invalid(List.of(new FieldError("note", "must be at most 1000 characters")));
        }
        try {
            ctx.json(json.item(host.review().reject(item.id(), note)));
        } catch (ValidationException e) {
            throw decided(e);
        }
    }

    private void published(Context ctx) {
        String id = id(ctx);
        ObjectNode out = mapper.createObjectNode();
        out.put("product_id", id);
        ArrayNode texts = out.putArray("texts");
        host.published().of(id).forEach(t -> texts.add(json.published(t)));
        ctx.json(out);
    }

    private ReviewQueue.Item item(Context ctx) {
        String id = id(ctx);
        try {
            return host.review().get(id).orElseThrow();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("No review item with id '" + id + "'");
        }
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        String problem = Text.idProblem(id);
        if (problem != null) throw ApiException.invalid(List.of(new FieldError("id", problem)));
        return id;
    }

    /** An already-decided item is a conflict; a bad candidate index is a bad request. */
    private static ApiException decided(ValidationException e) {
        FieldError f = e.errors().get(0);
        return f.field().equals("id") ? new ApiException(409, "conflict", f.reason(), e.errors(), null) : ApiException.invalid(e.errors());
    }

}
