package io.aisle.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.server.api.ShopperProfiles;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A shopper's profile JSON (exactly what {@code GET /v1/shoppers/{id}/profile} returns) laid out for the console
 * page: traits and consents as rows, linked ids, and each contributed section as rows when it is a flat object.
 */
public record ShopperView(String id, List<TraitRow> traits, List<ConsentRow> consents, List<String> linkedIds,
                          List<Section> sections, String json) {

    /** One trait: its wire name ({@code sizes.shoes}), value as text, source and time. */
    public record TraitRow(String name, String value, String source, String recordedAt) {}

    /** The decision in force for one purpose. */
    public record ConsentRow(String purpose, boolean granted, String recordedAt) {}

    /**
     * A contributed section: its scalar fields as rows and its lists of records (features, segments, sessions...)
     * as tables; when neither fits, both are empty and the page shows its JSON.
     */
    public record Section(String name, List<Row> rows, List<Table> tables, String json) {}

    /** A list of flat records as a table: columns in first-seen order, cells as text. */
    public record Table(String title, List<String> columns, List<List<String>> cells) {}

    /** One entry of a flat section, its value as text. */
    public record Row(String key, String value) {}

    static ShopperView of(ObjectNode profile) {
        List<TraitRow> traits = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : fields(profile.path("traits"))) {
            if (e.getKey().equals("sizes")) {
                for (Map.Entry<String, JsonNode> size : fields(e.getValue())) traits.add(trait("sizes." + size.getKey(), size.getValue()));
            } else {
                traits.add(trait(e.getKey(), e.getValue()));
            }
        }
        List<ConsentRow> consents = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : fields(profile.path("consents"))) {
            consents.add(new ConsentRow(e.getKey(), e.getValue().path("granted").asBoolean(),
                    time(e.getValue().path("recorded_at").asText())));
        }
        List<String> linked = new ArrayList<>();
        profile.path("linked_ids").forEach(n -> linked.add(n.asText()));
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : fields(profile)) {
            if (ShopperProfiles.RECORD_KEYS.contains(e.getKey())) continue;
            sections.add(section(e.getKey(), e.getValue()));
        }
        return new ShopperView(profile.path("shopper_id").asText(), traits, consents, linked, sections,
                profile.toPrettyString());
    }

    private static TraitRow trait(String name, JsonNode entry) {
        return new TraitRow(name, text(entry.path("value")), entry.path("source").asText(),
                time(entry.path("recorded_at").asText()));
    }

    private static Section section(String name, JsonNode value) {
        String json = value.toPrettyString();
        if (value.isArray()) {
            Table t = table("", value);
            return t == null ? new Section(name, List.of(), List.of(), json) : new Section(name, List.of(), List.of(t), json);
        }
        if (!value.isObject()) return new Section(name, List.of(), List.of(), json);
        List<Row> rows = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : fields(value)) {
            JsonNode v = e.getValue();
            if (v.isValueNode() || (v.isArray() && allValues(v))) {
                rows.add(new Row(e.getKey(), text(v)));
                continue;
            }
            Table t = v.isArray() ? table(e.getKey(), v) : null;
            if (t == null) return new Section(name, List.of(), List.of(), json); // deeper than the page lays out
            tables.add(t);
        }
        return new Section(name, rows, tables, json);
    }

    /** A table for an array of flat objects, or null when the array holds anything else. */
    private static Table table(String title, JsonNode array) {
        List<String> columns = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isObject()) return null;
            for (Map.Entry<String, JsonNode> f : fields(item)) {
                JsonNode v = f.getValue();
                if (!(v.isValueNode() || (v.isArray() && allValues(v)))) return null;
                if (!columns.contains(f.getKey())) columns.add(f.getKey());
            }
        }
        List<List<String>> cells = new ArrayList<>();
        for (JsonNode item : array) {
            List<String> row = new ArrayList<>();
            for (String c : columns) row.add(item.has(c) ? text(item.get(c)) : "");
            cells.add(row);
        }
        return new Table(title, columns, cells);
    }

    /** Rows for a flat object (values scalars or lists of scalars); none for anything deeper. */
    private static List<Row> rows(JsonNode section) {
        if (!section.isObject()) return List.of();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : fields(section)) {
            JsonNode v = e.getValue();
            boolean flat = v.isValueNode() || (v.isArray() && allValues(v));
            if (!flat) return List.of();
            rows.add(new Row(e.getKey(), text(v)));
        }
        return rows;
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode n : array) if (!n.isValueNode()) return false;
        return true;
    }

    /** A value as a person reads it: a budget as "120.00 EUR", a list comma-separated. */
    static String text(JsonNode v) {
        if (v.isObject() && v.has("amount") && v.has("currency")) return v.get("amount").asText() + " " + v.get("currency").asText();
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(n -> parts.add(n.isValueNode() ? n.asText() : n.toString()));
            return String.join(", ", parts);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String time(String iso) {
        try {
            return Fmt.time(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return () -> {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            return it;
        };
    }
}
