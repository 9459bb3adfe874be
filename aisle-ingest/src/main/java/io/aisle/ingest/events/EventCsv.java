package io.aisle.ingest.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.json.Decoded;
import io.aisle.core.json.EventJson;
import io.aisle.core.validation.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CSV row as an event: the row is rebuilt as the wire-form JSON object and decoded by {@link EventJson}, so
 * CSV events obey exactly the rules API events do. Several items go "|"-separated in item_id, with price and
 * quantity, when given, holding one value per item in the same order. Filters are "name=value" pairs separated
 * by "|" (a name may repeat). Errors name CSV columns: {@code price[1]} is the second item's price.
 */
final class EventCsv {
    static final List<String> COLUMNS = List.of("event_id", "name", "shopper_id", "anonymous_id", "session_id",
            "timestamp", "item_id", "price", "quantity", "query", "value", "currency", "dwell_ms", "scroll_pct", "zoom",
            "device", "referrer", "locale", "page_url", "user_agent", "filters");
    static final List<String> REQUIRED = List.of("event_id", "name", "session_id", "timestamp");
    private static final List<String> TEXTS = List.of("event_id", "name", "shopper_id", "anonymous_id", "session_id",
            "timestamp", "query", "currency");
    private static final List<String> NUMBERS = List.of("value", "dwell_ms", "scroll_pct", "zoom");
    private static final List<String> CONTEXT = List.of("device", "referrer", "locale", "page_url", "user_agent");
    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)]\\.(\\w+)");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private final EventJson codec;
    private final ObjectMapper mapper;
    private final Map<String, Integer> columns;

    /** @param columns position of each known column in the header */
    EventCsv(EventJson codec, ObjectMapper mapper, Map<String, Integer> columns) {
        this.codec = codec;
        this.mapper = mapper;
        this.columns = Map.copyOf(columns);
    }

    static String normalise(String column) { return column.strip().toLowerCase(Locale.ROOT); }

    Decoded<ShopperEvent> decode(List<String> cells) {
        List<FieldError> problems = new ArrayList<>();
        ObjectNode node = NODES.objectNode();
        for (String f : TEXTS) {
            String v = cell(cells, f);
            if (!v.isEmpty()) node.put(f, v);
        }
        for (String f : NUMBERS) {
            String v = cell(cells, f);
            if (!v.isEmpty()) node.set(f, number(v));
        }
        ObjectNode context = NODES.objectNode();
        for (String f : CONTEXT) {
            String v = cell(cells, f);
            if (!v.isEmpty()) context.put(f, v);
        }
        if (!context.isEmpty()) node.set("context", context);
        int itemCount = items(cells, node, problems);
        filters(cell(cells, "filters"), node, problems);
        Decoded<ShopperEvent> d = codec.decode(node, "");
        if (problems.isEmpty() && d.isValid()) return d;
        List<FieldError> all = new ArrayList<>(problems);
        // A column already refused here is missing from the wire form; "is required" would say it twice.
        Set<String> refused = new HashSet<>();
        problems.forEach(p -> refused.add(p.field()));
        for (FieldError e : d.errors()) {
            String column = column(e.field(), itemCount);
            if (!refused.contains(column)) all.add(new FieldError(column, e.reason()));
        }
        return Decoded.invalid(all);
    }

    private int items(List<String> cells, ObjectNode node, List<FieldError> problems) {
        String ids = cell(cells, "item_id");
        String prices = cell(cells, "price");
        String quantities = cell(cells, "quantity");
        if (ids.isEmpty()) {
            if (!prices.isEmpty()) problems.add(new FieldError("price", "is given without an item_id"));
            if (!quantities.isEmpty()) problems.add(new FieldError("quantity", "is given without an item_id"));
            return 0;
        }
        List<String> idList = parts(ids);
        List<String> priceList = prices.isEmpty() ? null : parts(prices);
        List<String> quantityList = quantities.isEmpty() ? null : parts(quantities);
        if (priceList != null && priceList.size() != idList.size()) {
            problems.add(new FieldError("price", "has " + priceList.size() + " values for " + idList.size() + " items; give one per item_id, separated by |"));
            priceList = null;
        }
        if (quantityList != null && quantityList.size() != idList.size()) {
            problems.add(new FieldError("quantity", "has " + quantityList.size() + " values for " + idList.size() + " items; give one per item_id, separated by |"));
            quantityList = null;
        }
        ArrayNode items = node.putArray("items");
        for (int i = 0; i < idList.size(); i++) {
            ObjectNode item = items.addObject();
            item.put("item_id", idList.get(i));
            if (priceList != null && !priceList.get(i).isEmpty()) item.set("price", number(priceList.get(i)));
            if (quantityList != null && !quantityList.get(i).isEmpty()) item.set("quantity", number(quantityList.get(i)));
        }
        return idList.size();
    }

    private static void filters(String cell, ObjectNode node, List<FieldError> problems) {
        if (cell.isEmpty()) return;
        Map<String, ArrayNode> filters = new LinkedHashMap<>();
        for (String entry : parts(cell)) {
            int eq = entry.indexOf('=');
            if (eq < 0) {
                problems.add(new FieldError("filters", "entry '" + abbreviate(entry) + "' must be name=value, e.g. color=red"));
                continue;
            }
            filters.computeIfAbsent(entry.substring(0, eq).strip(), k -> NODES.arrayNode()).add(entry.substring(eq + 1).strip());
        }
        if (!filters.isEmpty()) node.putObject("filters").setAll(filters);
    }

    /** Wire paths back to CSV columns: items[2].price is price[2] (plain price for a single item). */
    private static String column(String field, int itemCount) {
        Matcher m = ITEM_FIELD.matcher(field);
        if (m.matches()) return itemCount == 1 ? m.group(2) : m.group(2) + "[" + m.group(1) + "]";
        if (field.equals("items") || field.startsWith("items[")) return "item_id";
        if (field.startsWith("context.")) return field.substring("context.".length());
        if (field.startsWith("filters")) return "filters";
        return field;
    }

    /**
     * A cell that is a JSON number becomes exactly the node the mapper makes of that number in a JSONL file (same
     * type, same decimal scale), so a CSV event equals its JSONL twin; anything else stays text for the codec to
     * refuse in its own words.
     */
    private JsonNode number(String v) {
        if (v.length() <= 64 && JSON_NUMBER.matcher(v).matches()) {
            try {
                return mapper.readTree(v);
            } catch (JsonProcessingException e) {
                // cannot happen for a matched number; the text below lets the codec report it
            }
        }
        return NODES.textNode(v);
    }

    private static List<String> parts(String cell) {
        List<String> out = new ArrayList<>();
        for (String p : cell.split("\\|", -1)) out.add(p.strip());
        return out;
    }

    private String cell(List<String> cells, String column) {
        Integer i = columns.get(column);
        return i == null || i >= cells.size() ? "" : cells.get(i).strip();
    }

    private static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 40) + "..."; }
}
