package io.aisle.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.feature.EntityKind;
import io.aisle.core.feature.FeatureVector;
import io.aisle.core.port.CatalogStore;
import io.aisle.embeddings.Neighbour;
import io.aisle.features.feature.FeatureDefinition;
import io.aisle.features.graph.ItemLink;
import io.aisle.features.graph.ItemScore;
import io.aisle.server.derived.Personalization;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Params;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;

/** What the engine has learned about a product: its live features and its neighbours by behaviour and by copy. */
public final class ProductInsightRoutes implements Routes {
    private static final List<String> KINDS = List.of("all", "co_view", "co_cart", "co_purchase", "behaviour", "content");

    private final CatalogStore catalog;
    private final Personalization personalization;
    private final ObjectMapper mapper;

    public ProductInsightRoutes(CatalogStore catalog, Personalization personalization, ObjectMapper mapper) {
        this.catalog = catalog;
        this.personalization = personalization;
        this.mapper = mapper;
    }

    @Override public void register(Router router) {
        router.get("/v1/products/{id}/features", Role.PUBLIC, this::features);
        router.get("/v1/products/{id}/neighbours", Role.PUBLIC, this::neighbours);
    }

    private ProductId existing(Context ctx) {
        if (!personalization.enabled()) {
            throw new ApiException(503, "unavailable", "Personalization is off on this node (started with --no-personalization)");
        }
        ProductId id = ProductRoutes.pathId(ctx);
        if (catalog.get(id).isEmpty()) throw ApiException.notFound("No product with id '" + id + "'");
        return id;
    }

    private void features(Context ctx) {
        ProductId id = existing(ctx);
        FeatureVector f = personalization.itemFeatures(id);
        ObjectNode out = mapper.createObjectNode();
        out.put("item_id", id.value());
        if (f.asOf() == null) out.putNull("as_of");
        else out.put("as_of", f.asOf().toString());
        ObjectNode values = out.putObject("features");
        for (FeatureDefinition d : personalization.featurePipeline().catalog().of(EntityKind.ITEM)) {
            double v = f.value(d.name());
            if (Double.isNaN(v)) values.putNull(d.name());
            else values.put(d.name(), v);
        }
        ctx.json(out);
    }

    private void neighbours(Context ctx) {
        ProductId id = existing(ctx);
        String kind = ctx.queryParam("kind") == null ? "all" : ctx.queryParam("kind").toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) throw ApiException.invalid("kind", "must be one of " + KINDS + ", got '" + kind + "'");
        int k = Params.intParam(ctx, "k", 10, 1, 100);
        ObjectNode out = mapper.createObjectNode();
        out.put("item_id", id.value());
        out.put("kind", kind);
        ArrayNode list = out.putArray("neighbours");
        switch (kind) {
            case "behaviour" -> scores(list, personalization.behaviourNeighbours(id, k));
            case "content" -> scores(list, personalization.contentNeighbours(id, k));
            default -> {
                ItemLink link = kind.equals("all") ? null : ItemLink.valueOf(kind.toUpperCase(Locale.ROOT));
                for (ItemScore s : personalization.coNeighbours(id, link, k)) {
                    list.addObject().put("item_id", s.item().value()).put("score", s.weight());
                }
            }
        }
        ctx.json(out);
    }

    private static void scores(ArrayNode list, List<Neighbour> neighbours) {
        for (Neighbour n : neighbours) list.addObject().put("item_id", n.id().value()).put("score", n.similarity());
    }
}
