package io.aisle.ingest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.Product;
import io.aisle.core.json.Decoded;
import io.aisle.core.json.ProductJson;
import io.aisle.core.validation.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One product assembled in Aisle's wire form from a feed record, remembering which source column fed each wire
 * field. Validation is {@link ProductJson}'s, so every format obeys the same rules; its errors are renamed back to
 * the feed's own column names, which is what a merchant can find in the file.
 */
final class WireProduct {
    private final long line;
    private final JsonNode node;
    private final Map<String, String> sources = new HashMap<>();
    private final List<FieldError> problems = new ArrayList<>();

    private WireProduct(long line, JsonNode node) {
        this.line = line;
        this.node = node;
    }

    /** An empty product to fill, for the record starting on {@code line}. */
    static WireProduct at(long line) { return new WireProduct(line, JsonNodeFactory.instance.objectNode()); }

    /** A record already in wire form (JSONL), reported under the wire field names. */
    static WireProduct ofWire(long line, JsonNode node) { return new WireProduct(line, node); }

    long line() { return line; }

    private ObjectNode object() { return (ObjectNode) node; }

    /** Sets a text field; blank values are left out, as an empty cell means "not given". */
    WireProduct text(String field, String value, String source) {
        if (value != null && !value.isBlank()) {
            object().put(field, value);
            sources.put(field, source);
        }
        return this;
    }

    WireProduct set(String field, JsonNode value, String source) {
        if (value != null) {
            object().set(field, value);
            sources.put(field, source);
        }
        return this;
    }

    /** Sets a list of strings; an empty list is left out. */
    WireProduct texts(String field, List<String> values, String source) {
        if (values != null && !values.isEmpty()) {
            ArrayNode array = object().putArray(field);
            values.forEach(array::add);
            sources.put(field, source);
        }
        return this;
    }

    /** Appends to a list of strings, naming the source of this element alone (e.g. additional images). */
    WireProduct add(String field, String value, String source) {
        if (value == null || value.isBlank()) return this;
        JsonNode existing = object().get(field);
        ArrayNode array = existing instanceof ArrayNode a ? a : object().putArray(field);
        sources.put(field + "[" + array.size() + "]", source);
        array.add(value);
        return this;
    }

    WireProduct attribute(String name, JsonNode value, String source) {
        if (value == null) return this;
        JsonNode existing = object().get("attributes");
        ObjectNode attributes = existing instanceof ObjectNode o ? o : object().putObject("attributes");
        attributes.set(name, value);
        sources.put("attributes." + name, source);
        return this;
    }

    ObjectNode stock() {
        JsonNode existing = object().get("stock");
        return existing instanceof ObjectNode o ? o : object().putObject("stock");
    }

    void source(String field, String source) { sources.put(field, source); }

    /** A problem the format itself found (e.g. a price without a readable currency), under the source's name. */
    void problem(String source, String reason) { problems.add(new FieldError(source, reason)); }

    /** The wire field's text, if set (formats that derive one product from another read fields back). */
    String textOf(String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }

    JsonNode wire() { return node; }

    /** The product, or every problem with it under source field names. */
    Decoded<Product> decode(ProductJson codec) {
        Decoded<Product> decoded = codec.decode(node, "");
        if (problems.isEmpty() && decoded.isValid()) return decoded;
        List<FieldError> all = new ArrayList<>(problems);
        // A field the format already refused is missing from the wire form; "is required" would say it twice.
        java.util.Set<String> refused = new java.util.HashSet<>();
        problems.forEach(p -> refused.add(p.field()));
        for (FieldError e : decoded.errors()) {
            String source = sourceOf(e.field());
            if (!refused.contains(source)) all.add(new FieldError(source, e.reason()));
        }
        return Decoded.invalid(all);
    }

    // "images[3]" may be named exactly (GMC additional images) or by its list ("images"); "stock.web" by "stock".
    private String sourceOf(String field) {
        String exact = sources.get(field);
        if (exact != null) return exact;
        for (int i = field.length() - 1; i > 0; i--) {
            char c = field.charAt(i);
            if (c != '.' && c != '[') continue;
            String prefix = field.substring(0, i);
            String source = sources.get(prefix);
            if (source != null) return source.equals(prefix) ? field : source;
        }
        return field;
    }
}
