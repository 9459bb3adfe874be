package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.content.ContentKind;
import io.aisle.content.gate.Finding;
import io.aisle.content.gate.GateResult;
import io.aisle.content.pipeline.Candidate;
import io.aisle.content.pipeline.ContentJobs;
import io.aisle.content.pipeline.PublishedText;
import io.aisle.content.pipeline.ReviewQueue;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.validation.Errors;
import io.aisle.core.validation.Text;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

/** The content API's wire format (snake_case): job requests and statuses, review items with their candidates. */
public final class ContentJson {
    public static final int MAX_PRODUCTS = 10_000;
    private final ObjectMapper mapper;

    public ContentJson(ObjectMapper mapper) { this.mapper = mapper; }

    /** Reads a job request, collecting every bad field. */
    public ContentJobs.Spec spec(JsonNode body) {
        Errors errors = new Errors();
        if (!body.isObject()) {
            errors.add("body", "must be a JSON object");
            errors.throwIfAny();
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!List.of("product_ids", "kinds", "locale", "segment").contains(f)) errors.add(f, "is not a field of a content job; use product_ids, kinds, locale, segment");
        });
        List<ProductId> ids = new ArrayList<>();
        JsonNode products = body.path("product_ids");
        if (!products.isMissingNode() && !products.isNull()) {
            if (!products.isArray()) errors.add("product_ids", "must be an array of product ids (omit it for the whole catalogue)");
            else if (products.size() > MAX_PRODUCTS) errors.add("product_ids", "must list at most " + MAX_PRODUCTS + " ids");
            else for (int i = 0; i < products.size(); i++) {
                JsonNode p = products.get(i);
                String problem = p.isTextual() ? Text.idProblem(p.asText()) : "must be a string";
                if (problem != null) errors.add("product_ids[" + i + "]", problem);
                else ids.add(ProductId.of(p.asText()));
            }
        }
        List<ContentKind> kinds = new ArrayList<>();
        JsonNode k = body.path("kinds");
        if (k.isMissingNode() || k.isNull()) kinds.add(ContentKind.DESCRIPTION);
        else if (!k.isArray() || k.isEmpty()) errors.add("kinds", "must be a non-empty array of output types");
        else for (int i = 0; i < k.size(); i++) {
            var kind = ContentKind.fromWire(k.get(i).asText(""));
            if (kind.isEmpty()) errors.add("kinds[" + i + "]", "'" + k.get(i).asText() + "' is not one of " + ContentKind.allWireNames());
            else kinds.add(kind.get());
        }
        Locale locale = locale(body.path("locale"), errors);
        JsonNode seg = body.path("segment");
        String segment = "";
        if (!seg.isMissingNode() && !seg.isNull()) {
            if (!seg.isTextual() || !seg.asText().matches("[a-z][a-z0-9_]{0,31}")) errors.add("segment", "must be 1 to 32 lower-case letters, digits or '_', e.g. returning");
            else segment = seg.asText();
        }
        errors.throwIfAny();
        return new ContentJobs.Spec(ids, kinds, locale, segment);
    }

    static Locale locale(JsonNode node, Errors errors) {
        if (node.isMissingNode() || node.isNull()) return Locale.ENGLISH;
        if (!node.isTextual() || node.asText().isBlank()) {
            errors.add("locale", "must be a BCP 47 language tag such as en, de-DE, fr or es");
            return Locale.ENGLISH;
        }
        try {
            Locale l = new Locale.Builder().setLanguageTag(node.asText()).build();
            if (l.getLanguage().isEmpty()) throw new IllformedLocaleException("no language");
            return l;
        } catch (IllformedLocaleException e) {
            errors.add("locale", "'" + node.asText() + "' is not a BCP 47 language tag such as en, de-DE, fr or es");
            return Locale.ENGLISH;
        }
    }

    public ObjectNode job(ContentJobs.Status s) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", s.id()).put("state", s.state().wire());
        n.put("total", s.total()).put("done", s.done()).put("published", s.published()).put("escalated", s.escalated()).put("failed", s.failed());
        n.put("progress", s.total() == 0 ? (s.state() == ContentJobs.State.DONE ? 1.0 : 0.0) : (double) s.done() / s.total());
        ArrayNode kinds = n.putArray("kinds");
        s.spec().kinds().forEach(k -> kinds.add(k.wire()));
        n.put("locale", s.spec().locale().toLanguageTag());
        if (!s.error().isEmpty()) n.put("error", s.error());
        n.put("created_at", s.createdAt().toString());
        if (s.finishedAt() != null) n.put("finished_at", s.finishedAt().toString()); else n.putNull("finished_at");
        return n;
    }

    public ObjectNode item(ReviewQueue.Item item) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", item.id()).put("status", item.status().wire());
        n.put("subject", item.outcome().subject()).put("kind", item.outcome().kind().wire()).put("locale", item.outcome().locale().toLanguageTag());
        n.put("queued_at", item.queuedAt().toString());
        if (item.chosen() >= 0) n.put("approved_candidate", item.chosen());
        if (!item.note().isEmpty()) n.put("note", item.note());
        if (item.outcome() instanceof io.aisle.content.pipeline.ContentOutcome.Escalated e) n.put("reason", e.reason());
        ArrayNode list = n.putArray("candidates");
        List<Candidate> cs = item.outcome().candidates();
        for (int i = 0; i < cs.size(); i++) list.add(candidate(i, cs.get(i)));
        return n;
    }

    ObjectNode candidate(int index, Candidate c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("index", index).put("round", c.round()).put("text", c.text()).put("backend", c.backend()).put("passed", c.passed());
        ArrayNode gates = n.putArray("gates");
        for (GateResult g : c.gates()) {
            ObjectNode gn = gates.addObject().put("gate", g.gate()).put("passed", g.passed());
            ArrayNode fs = gn.putArray("findings");
            for (Finding f : g.findings()) fs.addObject().put("code", f.code()).put("message", f.message());
        }
        n.putObject("score").put("ctr", c.score().ctr()).put("add_to_cart", c.score().addToCart()).put("value", c.score().value());
        return n;
    }

    public ObjectNode published(PublishedText t) {
        ObjectNode n = mapper.createObjectNode();
        n.put("subject", t.subject()).put("kind", t.kind().wire()).put("locale", t.locale().toLanguageTag()).put("text", t.text())
                .put("backend", t.backend()).put("source", t.source()).put("published_at", t.publishedAt().toString());
        return n;
    }
}
