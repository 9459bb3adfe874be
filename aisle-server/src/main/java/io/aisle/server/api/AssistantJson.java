package io.aisle.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.assistant.Constraints;
import io.aisle.assistant.Conversation;
import io.aisle.assistant.ProductCard;
import io.aisle.assistant.Reply;
import io.aisle.assistant.Turn;

import java.time.Instant;

/** The assistant's conversations and replies on the wire. */
public final class AssistantJson {
    private final ObjectMapper mapper;

    public AssistantJson(ObjectMapper mapper) { this.mapper = mapper; }

    public ObjectNode conversation(Conversation c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("conversation_id", c.id());
        n.put("shopper_id", c.shopperId());
        n.put("created_at", Instant.ofEpochMilli(c.createdAtMs()).toString());
        n.put("updated_at", Instant.ofEpochMilli(c.updatedAtMs()).toString());
        n.set("constraints", constraints(c.constraints()));
        ArrayNode shown = n.putArray("shown");
        c.shown().forEach(shown::add);
        if (c.focus() == null) n.putNull("focus");
        else n.put("focus", c.focus());
        ArrayNode turns = n.putArray("turns");
        for (Turn t : c.turns()) {
            ObjectNode o = turns.addObject();
            o.put("role", t.role());
            o.put("text", t.text());
            if (t.intent() != null) o.put("intent", t.intent());
            ArrayNode products = o.putArray("products");
            t.products().forEach(products::add);
            o.put("at", Instant.ofEpochMilli(t.atMs()).toString());
        }
        return n;
    }

    public ObjectNode reply(Reply r) {
        ObjectNode n = meta(r);
        n.put("text", r.text());
        n.set("cards", cards(r));
        return n;
    }

    /** What a stream sends first: everything but the text and cards. */
    public ObjectNode meta(Reply r) {
        ObjectNode n = mapper.createObjectNode();
        n.put("conversation_id", r.conversationId());
        n.put("intent", r.intent().wire());
        n.put("backend", r.backend());
        n.put("fallback", r.fallback());
        ArrayNode findings = n.putArray("verifier_findings");
        r.findings().forEach(findings::add);
        ArrayNode resolved = n.putArray("resolved");
        r.resolved().forEach(resolved::add);
        n.set("constraints", constraints(r.constraints()));
        ArrayNode saved = n.putArray("preferences_saved");
        r.saved().forEach(saved::add);
        return n;
    }

    public ArrayNode cards(Reply r) {
        ArrayNode a = mapper.createArrayNode();
        for (ProductCard c : r.cards()) {
            ObjectNode o = a.addObject();
            o.put("item_id", c.id());
            o.put("title", c.title());
            if (c.brand() == null) o.putNull("brand");
            else o.put("brand", c.brand());
            o.putObject("price").put("amount", c.price().amount()).put("currency", c.price().currency());
            o.put("in_stock", c.inStock());
            o.put("stock", c.stock());
            if (c.url() == null) o.putNull("url");
            else o.put("url", c.url());
            o.put("reason", c.reason());
        }
        return a;
    }

    private ObjectNode constraints(Constraints c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("query", c.query());
        if (c.category() == null) n.putNull("category");
        else n.put("category", c.category());
        if (c.minPrice() == null) n.putNull("min_price");
        else n.put("min_price", c.minPrice());
        if (c.maxPrice() == null) n.putNull("max_price");
        else n.put("max_price", c.maxPrice());
        ArrayNode brands = n.putArray("brands");
        c.brands().forEach(brands::add);
        ArrayNode not = n.putArray("excluded_brands");
        c.notBrands().forEach(not::add);
        ArrayNode attrs = n.putArray("attributes");
        c.attributes().forEach(attrs::add);
        if (c.useCase() == null) n.putNull("use_case");
        else n.put("use_case", c.useCase());
        ArrayNode excluded = n.putArray("excluded");
        c.excluded().forEach(excluded::add);
        return n;
    }
}
