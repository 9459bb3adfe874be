package io.aisle.ingest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the text of one feed cell into wire values: lists, category paths, typed attributes. */
final class Cells {
    private Cells() {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // No exponent and no leading zeros: "007" and "1e3" are codes more often than quantities.
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9]\\d{0,14})(\\.\\d{1,15})?");
    private static final Pattern QUANTITY = Pattern.compile("(-?(?:0|[1-9]\\d{0,14})(?:\\.\\d{1,15})?)\\s*([A-Za-z%\"]{1,16})");
    private static final Pattern CATEGORY_SEPARATOR = Pattern.compile("\\s*>\\s*");

    static boolean blank(String s) { return s == null || s.isBlank(); }

    /** Non-blank parts of {@code s} split on {@code separator} (a regex), stripped. */
    static List<String> split(String s, String separator) {
        List<String> out = new ArrayList<>();
        if (blank(s)) return out;
        for (String part : s.split(separator, -1)) {
            if (!part.isBlank()) out.add(part.strip());
        }
        return out;
    }

    /**
     * "A > B > C" as a path. Empty segments are kept (as "") so the catalogue codec reports them instead of the
     * importer quietly changing the path.
     */
    static List<String> categoryPath(String s) {
        List<String> out = new ArrayList<>();
        if (blank(s)) return out;
        for (String part : CATEGORY_SEPARATOR.split(s.strip(), -1)) out.add(part.strip());
        return out;
    }

    static boolean isPlainNumber(String s) { return s != null && PLAIN_NUMBER.matcher(s.strip()).matches(); }

    /**
     * A CSV attribute cell as a typed value: "true"/"false" are flags, plain numbers ("16", "2.5") are numbers,
     * "a|b|c" is a list of texts, anything else is text.
     */
    static JsonNode inferred(String s) {
        if (blank(s)) return null;
        String v = s.strip();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) return NODES.booleanNode(v.equalsIgnoreCase("true"));
        if (isPlainNumber(v)) return NODES.numberNode(new BigDecimal(v));
        if (v.indexOf('|') >= 0) return textsNode(split(v, "\\|"));
        return NODES.textNode(v);
    }

    /** "1.5 kg" as {@code {"value": 1.5, "unit": "kg"}}, a plain number as a number, else null. */
    static JsonNode quantity(String s) {
        if (blank(s)) return null;
        String v = s.strip();
        if (isPlainNumber(v)) return NODES.numberNode(new BigDecimal(v));
        Matcher m = QUANTITY.matcher(v);
        if (!m.matches()) return null;
        ObjectNode q = NODES.objectNode();
        q.put("value", new BigDecimal(m.group(1)));
        q.put("unit", m.group(2));
        return q;
    }

    /** "yes"/"no"/"true"/"false" (any case) as a flag, else null. */
    static JsonNode flag(String s) {
        if (blank(s)) return null;
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> NODES.booleanNode(true);
            case "no", "false" -> NODES.booleanNode(false);
            default -> null;
        };
    }

    static JsonNode textNode(String s) { return blank(s) ? null : NODES.textNode(s.strip()); }

    static ArrayNode textsNode(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** A money amount as an attribute: {@code {"value": 19.99, "unit": "USD"}}, or null when unreadable. */
    static JsonNode money(String amount, String currency) {
        if (blank(amount) || !isPlainNumber(amount)) return null;
        BigDecimal value = new BigDecimal(amount.strip());
        if (currency == null) return NODES.numberNode(value);
        ObjectNode q = NODES.objectNode();
        q.put("value", value);
        q.put("unit", currency);
        return q;
    }

    /** A whole number cell as a JSON integer, or the text itself so the codec reports it in its own words. */
    static JsonNode wholeNumber(String s) {
        String v = s.strip();
        if (v.matches("-?\\d{1,18}")) return NODES.numberNode(Long.parseLong(v));
        return NODES.textNode(v);
    }

    static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 40) + "..."; }
}
