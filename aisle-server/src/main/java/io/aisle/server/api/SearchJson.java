package io.aisle.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.search.Facet;
import io.aisle.core.search.HitExplanation;
import io.aisle.core.search.ParsedQuery;
import io.aisle.core.search.SearchHit;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.Suggestion;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The wire form of search results and suggestions (snake_case, nulls for what does not apply). */
public final class SearchJson {
    private final ObjectMapper mapper;

    public SearchJson(ObjectMapper mapper) { this.mapper = mapper; }

    public ObjectNode results(SearchResults r, String searchId) {
        ObjectNode out = mapper.createObjectNode();
        if (searchId == null) out.putNull("search_id");
        else out.put("search_id", searchId);
        out.set("query", parsed(r.query()));
        out.put("total", r.total());
        ArrayNode hits = out.putArray("hits");
        for (SearchHit h : r.hits()) hits.add(hit(h));
        ArrayNode facets = out.putArray("facets");
        for (Facet f : r.facets()) {
            ObjectNode fn = facets.addObject().put("name", f.name());
            ArrayNode values = fn.putArray("values");
            for (Facet.Value v : f.values()) values.addObject().put("value", v.value()).put("count", v.count());
        }
        if (r.didYouMean() == null) out.putNull("did_you_mean");
        else out.put("did_you_mean", r.didYouMean());
        strings(out.putArray("relaxed"), r.relaxed());
        out.put("took_ms", Math.round(r.tookMs() * 100) / 100.0);
        return out;
    }

    public ObjectNode parsed(ParsedQuery q) {
        ObjectNode out = mapper.createObjectNode();
        out.put("original", q.original());
        out.put("text", q.text());
        if (q.correction() == null) out.putNull("correction");
        else out.put("correction", q.correction());
        strings(out.putArray("terms"), q.terms());
        strings(out.putArray("brands"), q.brands());
        ArrayNode attributes = out.putArray("attributes");
        for (ParsedQuery.AttributeConstraint a : q.attributes()) attributes.add(attribute(a));
        ArrayNode numeric = out.putArray("numeric");
        for (ParsedQuery.NumericConstraint n : q.numeric()) {
            ObjectNode nn = numeric.addObject().put("attribute", n.attribute());
            number(nn, "min", n.min());
            number(nn, "max", n.max());
            if (n.unit() == null) nn.putNull("unit");
            else nn.put("unit", n.unit());
            nn.put("phrase", n.phrase());
        }
        strings(out.putArray("excluded"), q.excluded());
        ArrayNode categories = out.putArray("categories");
        for (ParsedQuery.CategoryIntent c : q.categories()) {
            ObjectNode cn = categories.addObject();
            strings(cn.putArray("path"), c.path());
            cn.put("confidence", round(c.confidence()));
        }
        ArrayNode uses = out.putArray("use_cases");
        for (ParsedQuery.UseCase u : q.useCases()) {
            ObjectNode un = uses.addObject().put("phrase", u.phrase()).put("similarity", round(u.similarity()));
            ArrayNode s = un.putArray("suggests");
            for (ParsedQuery.AttributeConstraint a : u.suggests()) s.add(attribute(a));
        }
        return out;
    }

    public ObjectNode suggestions(String prefix, List<Suggestion> list) {
        ObjectNode out = mapper.createObjectNode().put("prefix", prefix);
        ArrayNode items = out.putArray("suggestions");
        for (Suggestion s : list) {
            items.addObject().put("text", s.text()).put("source", s.source().name().toLowerCase(Locale.ROOT))
                    .put("weight", round(s.weight()));
        }
        return out;
    }

    private ObjectNode hit(SearchHit h) {
        ObjectNode out = mapper.createObjectNode();
        out.put("item_id", h.id().value());
        out.put("title", h.title());
        if (h.brand() == null) out.putNull("brand");
        else out.put("brand", h.brand());
        if (h.price() == null) out.putNull("price");
        else out.putObject("price").put("amount", h.price().amount()).put("currency", h.price().currency());
        out.put("in_stock", h.inStock());
        out.put("score", round(h.score()));
        HitExplanation e = h.explanation();
        if (e == null) {
            out.putNull("explanation");
            return out;
        }
        ObjectNode x = out.putObject("explanation");
        ObjectNode matched = x.putObject("matched_terms");
        for (Map.Entry<String, List<String>> m : new java.util.TreeMap<>(e.matchedTerms()).entrySet()) {
            strings(matched.putArray(m.getKey()), m.getValue());
        }
        integer(x, "lexical_rank", e.lexicalRank());
        number(x, "lexical_score", e.lexicalScore());
        integer(x, "vector_rank", e.vectorRank());
        number(x, "semantic_score", e.semanticScore());
        strings(x.putArray("constraints_met"), e.constraintsMet());
        number(x, "rerank_score", e.rerankScore());
        number(x, "personal_boost", e.personalBoost());
        return out;
    }

    private ObjectNode attribute(ParsedQuery.AttributeConstraint a) {
        ObjectNode out = mapper.createObjectNode().put("attribute", a.attribute());
        strings(out.putArray("values"), a.values());
        out.put("phrase", a.phrase());
        return out;
    }

    private static void strings(ArrayNode into, List<String> values) { values.forEach(into::add); }

    private static void number(ObjectNode node, String field, Double v) {
        if (v == null || !Double.isFinite(v)) node.putNull(field);
        else node.put(field, round(v));
    }

    private static void integer(ObjectNode node, String field, Integer v) {
        if (v == null) node.putNull(field);
        else node.put(field, v);
    }

    private static double round(double v) { return Double.isFinite(v) ? Math.round(v * 10_000) / 10_000.0 : 0; }
}
