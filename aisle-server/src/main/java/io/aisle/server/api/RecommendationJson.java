package io.aisle.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.recommend.Recommendation;
import io.aisle.core.recommend.Recommendations;
import io.aisle.core.recommend.Surface;

/** The wire form of recommendations (snake_case; the request's subject echoed; scores to four decimals). */
public final class RecommendationJson {
    private final ObjectMapper mapper;

    public RecommendationJson(ObjectMapper mapper) { this.mapper = mapper; }

    public ObjectNode recommendations(Recommendations r) {
        ObjectNode out = mapper.createObjectNode();
        out.put("surface", r.surface().kind());
        switch (r.surface()) {
            case Surface.Home h -> actor(out, h.actorKey());
            case Surface.Similar s -> out.put("product_id", s.product().value());
            case Surface.BoughtTogether b -> {
                ArrayNode items = out.putArray("cart");
                for (ProductId id : b.cart()) items.add(id.value());
            }
            case Surface.NextInSession n -> {
                actor(out, n.actorKey());
                out.put("session_id", n.sessionId());
            }
        }
        ArrayNode items = out.putArray("items");
        int position = 1;
        for (Recommendation i : r.items()) {
            items.addObject().put("position", position++).put("product_id", i.product().value())
                    .put("score", Math.round(i.score() * 10_000) / 10_000.0).put("reason", i.reason()).put("source", i.source());
        }
        out.put("model_version", r.modelVersion());
        out.put("variant", r.variant());
        out.put("served_from", r.servedFrom().wire());
        out.put("took_ms", Math.round(r.tookMs() * 1000) / 1000.0);
        return out;
    }

    private static void actor(ObjectNode out, String key) {
        boolean shopper = key.startsWith("s:");
        if (shopper) out.put("shopper_id", key.substring(2));
        else out.putNull("shopper_id");
        if (shopper) out.putNull("device_id");
        else out.put("device_id", key.substring(2));
    }
}
