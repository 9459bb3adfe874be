package io.aisle.server.derived;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.feature.EntityKind;
import io.aisle.core.feature.FeatureVector;
import io.aisle.core.shopper.ShopperId;
import io.aisle.features.feature.FeatureDefinition;
import io.aisle.features.graph.CategoryScore;
import io.aisle.features.graph.ItemScore;
import io.aisle.features.graph.QueryScore;
import io.aisle.features.segment.Segment;
import io.aisle.features.session.SessionSummary;
import io.aisle.server.api.ProfileSection;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The profile sections personalization contributes: features, affinities, segments and recent sessions. */
public final class ProfileSections {
    private static final int TOP = 10;

    private final Personalization p;
    private final ObjectMapper mapper;

    public ProfileSections(Personalization personalization, ObjectMapper mapper) {
        this.p = personalization;
        this.mapper = mapper;
    }

    public List<ProfileSection> all() {
        if (!p.enabled()) return List.of();
        return List.of(section("features", this::features), section("affinities", this::affinities),
                section("segments", this::segments), section("sessions", this::sessions));
    }

    private interface Builder {
        Optional<JsonNode> build(String key);
    }

    private static ProfileSection section(String name, Builder builder) {
        return new ProfileSection() {
            @Override public String name() { return name; }

            @Override public Optional<JsonNode> section(ShopperId id, Set<String> actorKeys) {
                return builder.build("s:" + id.value());
            }
        };
    }

    /** Shopper features with what each measures; absent when no event of the shopper was seen. */
    private Optional<JsonNode> features(String key) {
        FeatureVector f = p.shopperFeatures(key);
        if (!hasData(f)) return Optional.empty();
        ObjectNode out = mapper.createObjectNode();
        out.put("as_of", f.asOf() == null ? null : f.asOf().toString());
        ArrayNode list = out.putArray("values");
        for (FeatureDefinition d : p.featurePipeline().catalog().of(EntityKind.SHOPPER)) {
            ObjectNode v = list.addObject();
            v.put("name", d.name());
            double value = f.value(d.name());
            if (Double.isNaN(value)) v.putNull("value");
            else v.put("value", round(value));
            v.put("explanation", FeatureExplainer.explain(d));
        }
        return Optional.of(out);
    }

    /** Strongest categories, items and searches from the activity graph, each with why it ranks there. */
    private Optional<JsonNode> affinities(String key) {
        List<CategoryScore> categories = p.readGraph(g -> g.topCategories(key, TOP));
        List<ItemScore> items = p.readGraph(g -> g.topItems(key, TOP));
        List<QueryScore> queries = p.readGraph(g -> g.topQueries(key, TOP));
        if (categories.isEmpty() && items.isEmpty() && queries.isEmpty()) return Optional.empty();
        ObjectNode out = mapper.createObjectNode();
        out.put("explanation", "signal weights (purchase 5, cart 3, zoom 1.5, long dwell 1.2, view 1, bounce -0.5, "
                + "refund -4) summed per category, item and query, halving every 30 days");
        ArrayNode c = out.putArray("categories");
        List<FeatureVector> perCategory = p.shopperCategories(key);
        for (CategoryScore s : categories) {
            ObjectNode n = c.addObject().put("category", s.key()).put("weight", round(s.weight()));
            perCategory.stream().filter(v -> v.entity().qualifier().equals(s.key())).findFirst().ifPresent(v ->
                    n.put("why", count(v.value("purchases_lifetime"), "purchase") + ", " + count(v.value("views_30d"), "view")
                            + String.format(" in 30 days, %.0f%% of the shopper's recent signal", 100 * zero(v.value("affinity")))));
        }
        ArrayNode i = out.putArray("items");
        for (ItemScore s : items) i.addObject().put("item_id", s.item().value()).put("weight", round(s.weight()));
        ArrayNode q = out.putArray("queries");
        for (QueryScore s : queries) q.addObject().put("query", s.query()).put("weight", round(s.weight()));
        return Optional.of(out);
    }

    private Optional<JsonNode> segments(String key) {
        if (!hasData(p.shopperFeatures(key))) return Optional.empty();
        ArrayNode out = mapper.createArrayNode();
        for (Segment s : p.segments(key)) {
            out.addObject().put("family", s.family()).put("name", s.name()).put("kind", s.kind().name().toLowerCase())
                    .put("explanation", s.explanation());
        }
        return Optional.of(out);
    }

    private Optional<JsonNode> sessions(String key) {
        List<SessionSummary> recent = p.readSessions(s -> s.recentSessions(key, 5));
        if (recent.isEmpty()) return Optional.empty();
        ArrayNode out = mapper.createArrayNode();
        for (SessionSummary s : recent) {
            ObjectNode n = out.addObject();
            n.put("session_id", s.sessionId());
            n.put("start", s.start().toString());
            n.put("end", s.end().toString());
            n.put("events", s.eventCount());
            n.put("bounce", s.bounce());
            n.put("open", s.open());
            n.set("viewed", ids(s.viewed()));
            n.set("carted", ids(s.carted()));
            n.set("purchased", ids(s.purchased()));
            n.set("queries", mapper.valueToTree(s.queries()));
        }
        return Optional.of(out);
    }

    private ArrayNode ids(List<io.aisle.core.catalog.ProductId> ids) {
        ArrayNode a = mapper.createArrayNode();
        ids.forEach(id -> a.add(id.value()));
        return a;
    }

    private static boolean hasData(FeatureVector f) {
        return f.values().entrySet().stream().anyMatch(e -> e.getKey().startsWith("days_since_last_event") && !Double.isNaN(e.getValue()));
    }

    private static String count(double v, String noun) {
        long n = Math.round(zero(v));
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static double zero(double v) { return Double.isNaN(v) ? 0 : v; }

    private static double round(double v) { return Math.round(v * 1e4) / 1e4; }
}
