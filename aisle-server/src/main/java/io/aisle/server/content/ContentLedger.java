package io.aisle.server.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.content.ContentKind;
import io.aisle.content.gate.Finding;
import io.aisle.content.gate.GateResult;
import io.aisle.content.pipeline.Candidate;
import io.aisle.content.pipeline.ContentJournal;
import io.aisle.content.pipeline.ContentOutcome;
import io.aisle.content.pipeline.PublishedText;
import io.aisle.content.pipeline.ReviewQueue;
import io.aisle.content.rank.EngagementScore;
import io.aisle.server.JsonLinesFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The content ledger: {@value #NAME} in the data directory, one JSON line per published text ({@code "published"}) and
 * per review item state ({@code "review"}: the item with its outcome and every candidate, its gates' findings and
 * scores), forced to disk before the change takes effect ({@link JsonLinesFile}). Replayed at start, it brings back
 * the live texts and the review queue; it is also their history. An entry that cannot be read back fails the start,
 * naming the line and the field.
 */
public final class ContentLedger implements ContentJournal {
    public static final String NAME = "content-ledger.jsonl";

    private final JsonLinesFile file;
    private final ObjectMapper mapper;

    public ContentLedger(Path dataDir, ObjectMapper mapper) {
        this.file = new JsonLinesFile(dataDir.resolve(NAME), mapper);
        this.mapper = mapper;
    }

    public Path path() { return file.path(); }

    @Override public void published(PublishedText text) {
        ObjectNode n = mapper.createObjectNode().put("type", "published");
        n.put("subject", text.subject()).put("kind", text.kind().wire()).put("locale", text.locale().toLanguageTag())
                .put("text", text.text()).put("backend", text.backend()).put("source", text.source())
                .put("published_at", text.publishedAt().toString());
        file.append(n);
    }

    @Override public void reviewed(ReviewQueue.Item item) {
        ObjectNode n = mapper.createObjectNode().put("type", "review");
        n.put("id", item.id()).put("status", item.status().wire()).put("queued_at", item.queuedAt().toString())
                .put("chosen", item.chosen()).put("note", item.note());
        n.set("outcome", outcome(item.outcome()));
        file.append(n);
    }

    @Override public History replay() {
        List<PublishedText> published = new ArrayList<>();
        List<ReviewQueue.Item> reviewed = new ArrayList<>();
        List<JsonNode> entries = file.read();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            try {
                switch (text(e, "type")) {
                    case "published" -> published.add(new PublishedText(text(e, "subject"), kind(e), locale(e), text(e, "text"),
                            text(e, "backend"), text(e, "source"), Instant.parse(text(e, "published_at"))));
                    case "review" -> reviewed.add(new ReviewQueue.Item(text(e, "id"), outcome(field(e, "outcome")),
                            ReviewQueue.Status.valueOf(text(e, "status").toUpperCase(Locale.ROOT)),
                            Instant.parse(text(e, "queued_at")), field(e, "chosen").asInt(), text(e, "note")));
                    default -> throw new IllegalArgumentException("type: unknown entry type '" + text(e, "type") + "'");
                }
            } catch (RuntimeException ex) {
                throw new IllegalStateException(file.path() + ": line " + (i + 1) + " cannot be read back: " + ex.getMessage(), ex);
            }
        }
        return new History(published, reviewed);
    }

    private ObjectNode outcome(ContentOutcome o) {
        ObjectNode n = mapper.createObjectNode();
        n.put("subject", o.subject()).put("kind", o.kind().wire()).put("locale", o.locale().toLanguageTag());
        switch (o) {
            case ContentOutcome.Published p -> {
                n.put("outcome", "published");
                n.set("chosen", candidate(p.chosen()));
            }
            case ContentOutcome.Escalated x -> n.put("outcome", "escalated").put("reason", x.reason());
        }
        ArrayNode list = n.putArray("candidates");
        for (Candidate c : o.candidates()) list.add(candidate(c));
        return n;
    }

    private ObjectNode candidate(Candidate c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("round", c.round()).put("index", c.index()).put("text", c.text()).put("backend", c.backend());
        ArrayNode gates = n.putArray("gates");
        for (GateResult g : c.gates()) {
            ObjectNode gn = gates.addObject().put("gate", g.gate()).put("passed", g.passed());
            ArrayNode fs = gn.putArray("findings");
            for (Finding f : g.findings()) fs.addObject().put("gate", f.gate()).put("code", f.code()).put("message", f.message());
        }
        n.putObject("score").put("ctr", c.score().ctr()).put("add_to_cart", c.score().addToCart()).put("value", c.score().value());
        return n;
    }

    private static ContentOutcome outcome(JsonNode n) {
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode c : field(n, "candidates")) candidates.add(candidate(c));
        return switch (text(n, "outcome")) {
            case "published" -> new ContentOutcome.Published(text(n, "subject"), kind(n), locale(n), candidate(field(n, "chosen")), candidates);
            case "escalated" -> new ContentOutcome.Escalated(text(n, "subject"), kind(n), locale(n), text(n, "reason"), candidates);
            default -> throw new IllegalArgumentException("outcome: unknown outcome '" + text(n, "outcome") + "'");
        };
    }

    private static Candidate candidate(JsonNode n) {
        List<GateResult> gates = new ArrayList<>();
        for (JsonNode g : field(n, "gates")) {
            List<Finding> findings = new ArrayList<>();
            for (JsonNode f : field(g, "findings")) findings.add(new Finding(text(f, "gate"), text(f, "code"), text(f, "message")));
            gates.add(new GateResult(text(g, "gate"), field(g, "passed").asBoolean(), findings));
        }
        JsonNode s = field(n, "score");
        return new Candidate(field(n, "round").asInt(), field(n, "index").asInt(), text(n, "text"), text(n, "backend"), gates,
                new EngagementScore(field(s, "ctr").asDouble(), field(s, "add_to_cart").asDouble(), field(s, "value").asDouble()));
    }

    private static ContentKind kind(JsonNode n) {
        String wire = text(n, "kind");
        return ContentKind.fromWire(wire).orElseThrow(() -> new IllegalArgumentException("kind: unknown kind '" + wire + "'"));
    }

    private static Locale locale(JsonNode n) {
        return Locale.forLanguageTag(text(n, "locale"));
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) throw new IllegalArgumentException(name + ": missing");
        return v;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isValueNode()) throw new IllegalArgumentException(name + ": not a text");
        return v.asText();
    }
}
