package io.aisle.server.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.validation.Errors;
import io.aisle.core.validation.Text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The wire form of {@link MerchandisingRules} (also how they are stored in the model store). Decoding is strict:
 * unknown fields are refused by name and every bad field is reported with its path ({@code pins[2].position}).
 * Absent fields take the defaults.
 */
public final class RulesCodec {
    private static final Set<String> TOP = Set.of("pins", "boosts", "repeat_purchase_categories", "recently_bought_days",
            "diversity", "exploration");
    private static final Set<String> PIN = Set.of("surface", "product_id", "position");
    private static final Set<String> BOOST = Set.of("product_id", "category", "brand", "factor");

    private final ObjectMapper mapper;

    public RulesCodec(ObjectMapper mapper) { this.mapper = mapper; }

    public ObjectNode encode(MerchandisingRules r) {
        ObjectNode n = mapper.createObjectNode();
        ArrayNode pins = n.putArray("pins");
        for (MerchandisingRules.Pin p : r.pins()) {
            pins.addObject().put("surface", p.surface()).put("product_id", p.product().value()).put("position", p.position());
        }
        ArrayNode boosts = n.putArray("boosts");
        for (MerchandisingRules.Boost b : r.boosts()) {
            ObjectNode bn = boosts.addObject();
            if (b.product() != null) bn.put("product_id", b.product().value());
            if (b.category() != null) b.category().forEach(bn.putArray("category")::add);
            if (b.brand() != null) bn.put("brand", b.brand());
            bn.put("factor", b.factor());
        }
        ArrayNode repeat = n.putArray("repeat_purchase_categories");
        for (List<String> path : r.repeatPurchaseCategories()) path.forEach(repeat.addArray()::add);
        n.put("recently_bought_days", r.recentlyBought().toMinutes() / 1440.0);
        n.put("diversity", r.diversity());
        n.put("exploration", r.exploration());
        return n;
    }

    /** The rules, or a validation error listing every bad field. */
    public MerchandisingRules decode(JsonNode n) {
        Errors errors = new Errors();
        MerchandisingRules d = MerchandisingRules.defaults();
        if (n == null || !n.isObject()) {
            errors.add("body", "must be a JSON object");
            errors.throwIfAny();
        }
        unknown(n, TOP, "", errors);
        List<MerchandisingRules.Pin> pins = new ArrayList<>();
        JsonNode pinList = array(n, "pins", MerchandisingRules.MAX_PINS, errors);
        for (int i = 0; pinList != null && i < pinList.size(); i++) {
            String at = "pins[" + i + "].";
            JsonNode p = pinList.get(i);
            if (!p.isObject()) {
                errors.add("pins[" + i + "]", "must be an object");
                continue;
            }
            unknown(p, PIN, at, errors);
            String surface = p.path("surface").asText("all");
            if (!MerchandisingRules.PIN_SURFACES.contains(surface)) errors.add(at + "surface", "must be one of " + MerchandisingRules.PIN_SURFACES);
            ProductId id = id(p, at + "product_id", errors);
            int position = p.path("position").isInt() ? p.path("position").asInt() : -1;
            if (position < 1 || position > 100) errors.add(at + "position", "must be a whole number 1..100");
            if (id != null && position >= 1 && position <= 100 && MerchandisingRules.PIN_SURFACES.contains(surface)) {
                pins.add(new MerchandisingRules.Pin(surface, id, position));
            }
        }
        List<MerchandisingRules.Boost> boosts = new ArrayList<>();
        JsonNode boostList = array(n, "boosts", MerchandisingRules.MAX_BOOSTS, errors);
        for (int i = 0; boostList != null && i < boostList.size(); i++) {
            String at = "boosts[" + i + "].";
            JsonNode b = boostList.get(i);
            if (!b.isObject()) {
                errors.add("boosts[" + i + "]", "must be an object");
                continue;
            }
            unknown(b, BOOST, at, errors);
            int named = (b.has("product_id") ? 1 : 0) + (b.has("category") ? 1 : 0) + (b.has("brand") ? 1 : 0);
            if (named != 1) errors.add("boosts[" + i + "]", "must name exactly one of product_id, category, brand");
            ProductId id = b.has("product_id") ? id(b, at + "product_id", errors) : null;
            List<String> category = b.has("category") ? path(b.get("category"), at + "category", errors) : null;
            String brand = b.has("brand") ? text(b.get("brand"), at + "brand", errors) : null;
            double factor = b.path("factor").isNumber() ? b.path("factor").asDouble() : Double.NaN;
            if (!(factor > 0 && factor <= 100)) errors.add(at + "factor", "must be a number in (0, 100]");
            if (named == 1 && factor > 0 && factor <= 100 && (id != null || category != null || brand != null)) {
                boosts.add(new MerchandisingRules.Boost(id, category, brand, factor));
            }
        }
        List<List<String>> repeat = new ArrayList<>();
        JsonNode repeatList = array(n, "repeat_purchase_categories", 100, errors);
        for (int i = 0; repeatList != null && i < repeatList.size(); i++) {
            List<String> path = path(repeatList.get(i), "repeat_purchase_categories[" + i + "]", errors);
            if (path != null) repeat.add(path);
        }
        double days = number(n, "recently_bought_days", d.recentlyBought().toDays(), 0, 3650, errors);
        double diversity = number(n, "diversity", d.diversity(), 0, 1, errors);
        double exploration = number(n, "exploration", d.exploration(), 0, MerchandisingRules.MAX_EXPLORATION, errors);
        errors.throwIfAny();
        return new MerchandisingRules(pins, boosts, repeat, Duration.ofMinutes(Math.round(days * 1440)), diversity, exploration);
    }

    private static void unknown(JsonNode n, Set<String> known, String at, Errors errors) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) errors.add(at + f, "is not a known field (known: " + new java.util.TreeSet<>(known) + ")");
        }
    }

    private static JsonNode array(JsonNode n, String field, int max, Errors errors) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) return null;
        if (!a.isArray()) {
            errors.add(field, "must be an array");
            return null;
        }
        if (a.size() > max) {
            errors.add(field, "must have at most " + max + " entries");
            return null;
        }
        return a;
    }

    private static ProductId id(JsonNode n, String field, Errors errors) {
        JsonNode v = n.get(field.substring(field.lastIndexOf('.') + 1));
        String raw = v == null || !v.isTextual() ? null : v.asText();
        String problem = Text.idProblem(raw);
        if (problem != null) {
            errors.add(field, v != null && !v.isTextual() && !v.isNull() ? "must be a string" : problem);
            return null;
        }
        return ProductId.of(raw);
    }

    private static String text(JsonNode v, String field, Errors errors) {
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 200) {
            errors.add(field, "must be a non-blank string of at most 200 characters");
            return null;
        }
        return v.asText().strip();
    }

    private static List<String> path(JsonNode v, String field, Errors errors) {
        if (v == null || !v.isArray() || v.isEmpty() || v.size() > 20) {
            errors.add(field, "must be a category path: an array of 1..20 names, e.g. [\"Outdoors\", \"Trail\"]");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String s = text(v.get(i), field + "[" + i + "]", errors);
            if (s == null) return null;
            out.add(s);
        }
        return out;
    }

    private static double number(JsonNode n, String field, double fallback, double min, double max, Errors errors) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return fallback;
        if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
            errors.add(field, "must be a number " + min + ".." + max);
            return fallback;
        }
        return v.asDouble();
    }
}
