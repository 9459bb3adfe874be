package io.aisle.server.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.content.ContentKind;
import io.aisle.content.gate.Finding;
import io.aisle.content.gate.GateResult;
import io.aisle.content.pipeline.Candidate;
import io.aisle.content.pipeline.ContentJobs;
import io.aisle.content.pipeline.ContentJournal;
import io.aisle.content.pipeline.ContentOutcome;
import io.aisle.content.pipeline.PublishedText;
import io.aisle.content.pipeline.ReviewQueue;
import io.aisle.content.rank.EngagementScore;
import io.aisle.core.catalog.ProductId;
import io.aisle.server.JsonLinesFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The content ledger: {@value #NAME} in the data directory, one JSON line per published text ({@code "published"}), per
 * review item state ({@code "review"}: the item with its outcome and every candidate, its gates' findings and scores)
 * and per job state ({@code "job"}: queued, started, finished), forced to disk before the change takes effect
 * ({@link JsonLinesFile}). Replayed at start, it brings back the live texts, the review queue and the jobs; it is also
 * their history. An entry that cannot be read back fails the start,
 * naming the line and the field.
 */
public final class ContentLedger implements ContentJournal {
    public static final String NAME = "content-ledger.jsonl";

    private final JsonLinesFile file;
    private final ObjectMapper mapper;

    private final History opened;

    /**
     * Opens the ledger and reads it once: the texts, the queue and the jobs all replay that one reading.
     *
     * @throws IllegalStateException naming the line and the field when an entry cannot be read back
     */
    public ContentLedger(Path dataDir, ObjectMapper mapper) {
        this.file = new JsonLinesFile(dataDir.resolve(NAME), mapper);
        this.mapper = mapper;
        this.opened = read();
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

    @Override public void job(ContentJobs.Status s) {
        ObjectNode n = mapper.createObjectNode().put("type", "job");
        n.put("id", s.id()).put("state", s.state().wire()).put("total", s.total()).put("done", s.done())
                .put("published", s.published()).put("escalated", s.escalated()).put("failed", s.failed())
                .put("error", s.error()).put("created_at", s.createdAt().toString());
        if (s.finishedAt() != null) n.put("finished_at", s.finishedAt().toString());
        ObjectNode spec = n.putObject("spec");
        ArrayNode ids = spec.putArray("product_ids");
        s.spec().products().forEach(id -> ids.add(id.value()));
        ArrayNode kinds = spec.putArray("kinds");
        s.spec().kinds().forEach(k -> kinds.add(k.wire()));
        spec.put("locale", s.spec().locale().toLanguageTag()).put("segment", s.spec().segment());
        file.append(n);
    }

    @Override public History replay() { return opened; }

    private History read() {
        List<PublishedText> published = new ArrayList<>();
        List<ReviewQueue.Item> reviewed = new ArrayList<>();
        List<ContentJobs.Status> jobs = new ArrayList<>();
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
                    case "job" -> jobs.add(job(e));
                    default -> throw new IllegalArgumentException("type: unknown entry type '" + text(e, "type") + "'");
                }
            } catch (RuntimeException ex) {
                throw new IllegalStateException(file.path() + ": line " + (i + 1) + " cannot be read back: " + ex.getMessage(), ex);
            }
        }
        return new History(published, reviewed, jobs);
    }

    private static ContentJobs.Status job(JsonNode n) {
        JsonNode spec = field(n, "spec");
        List<ProductId> products = new ArrayList<>();
        for (JsonNode id : field(spec, "product_ids")) products.add(ProductId.of(id.asText()));
        List<ContentKind> kinds = new ArrayList<>();
        for (JsonNode k : field(spec, "kinds")) {
            kinds.add(ContentKind.fromWire(k.asText()).orElseThrow(() -> new IllegalArgumentException("kinds: unknown kind '" + k.asText() + "'")));
        }
        JsonNode finished = n.get("finished_at");
        return new ContentJobs.Status(text(n, "id"), ContentJobs.State.valueOf(text(n, "state").toUpperCase(Locale.ROOT)),
                new ContentJobs.Spec(products, kinds, locale(spec), text(spec, "segment")),
                field(n, "total").asInt(), field(n, "done").asInt(), field(n, "published").asInt(), field(n, "escalated").asInt(),
                field(n, "failed").asInt(), text(n, "error"), Instant.parse(text(n, "created_at")),
                finished == null || finished.isNull() ? null : Instant.parse(finished.asText()));
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
