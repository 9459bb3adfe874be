package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.experiment.Assignment;
import io.aisle.core.experiment.Estimate;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.ExperimentMetrics;
import io.aisle.core.experiment.ExperimentStatus;
import io.aisle.core.experiment.Metric;
import io.aisle.core.experiment.Variant;
import io.aisle.core.experiment.VariantMetrics;
import io.aisle.core.json.Rfc3339;
import io.aisle.core.validation.Errors;
import io.aisle.core.validation.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wire form of experiments (snake_case): definitions in and out, live metrics and assignments out. The same
 * form is what {@link io.aisle.server.ExperimentFile} stores.
 */
public final class ExperimentJson {
    private static final Set<String> DEFINITION_FIELDS = Set.of("id", "description", "surface", "traffic", "variants");
    private static final Set<String> STORED_FIELDS = Set.of("id", "description", "surface", "traffic", "variants",
            "status", "started_at", "stopped_at");
    private static final Set<String> VARIANT_FIELDS = Set.of("name", "weight", "control", "config");

    /** What a client asks for when it creates an experiment; checked for types here, for meaning by {@link Experiment}. */
    public record Definition(String id, String description, String surface, double traffic, List<Variant> variants) {}

    private final ObjectMapper mapper;

    public ExperimentJson(ObjectMapper mapper) { this.mapper = mapper; }

    /** Reads a create request, naming every missing, mistyped or unknown field. */
    public Definition definition(JsonNode body) {
        Errors errors = new Errors();
        Definition d = definition(body, DEFINITION_FIELDS, errors);
        errors.throwIfAny();
        return d;
    }

    /** Reads a stored experiment (definition plus status and times). */
    public Experiment experiment(JsonNode node) {
        Errors errors = new Errors();
        Definition d = definition(node, STORED_FIELDS, errors);
        ExperimentStatus status = null;
        String s = text(node, "status", true, errors);
        if (s != null) {
            try {
                status = ExperimentStatus.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("status", "must be running or stopped, got '" + s + "'");
            }
        }
        Instant started = time(node, "started_at", true, errors);
        Instant stopped = time(node, "stopped_at", false, errors);
        errors.throwIfAny();
        return new Experiment(d.id(), d.description(), d.surface(), d.traffic(), d.variants(), status, started, stopped);
    }

    public ObjectNode encode(Experiment e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", e.id());
        n.put("description", e.description());
        n.put("surface", e.surface());
        n.put("traffic", e.traffic());
        n.put("status", e.status().wire());
        n.put("started_at", Rfc3339.format(e.startedAt()));
        if (e.stoppedAt() == null) n.putNull("stopped_at");
        else n.put("stopped_at", Rfc3339.format(e.stoppedAt()));
        ArrayNode variants = n.putArray("variants");
        for (Variant v : e.variants()) {
            ObjectNode vn = variants.addObject().put("name", v.name()).put("weight", v.weight()).put("control", v.control());
            ObjectNode config = vn.putObject("config");
            v.config().forEach(config::put);
        }
        return n;
    }

    /** Per-variant metrics; every estimate is {@code {value, low, high}} or null while the data cannot support it. */
    public ObjectNode metrics(ExperimentMetrics m) {
        ObjectNode n = mapper.createObjectNode();
        n.put("through_offset", m.throughOffset());
        n.put("complete", m.complete());
        ArrayNode variants = n.putArray("variants");
        for (VariantMetrics v : m.variants()) {
            ObjectNode vn = variants.addObject();
            vn.put("variant", v.variant());
            vn.put("control", v.control());
            vn.put("sessions", v.sessions());
            vn.put("impressions", v.impressions());
            vn.put("clicks", v.clicks());
            vn.put("cart_sessions", v.cartSessions());
            vn.put("revenue", round(v.revenue(), 4));
            metric(vn, "ctr", v.ctr());
            metric(vn, "add_to_cart_rate", v.addToCartRate());
            metric(vn, "revenue_per_session", v.revenuePerSession());
        }
        return n;
    }

    /**
     * A shopper's assignment; {@code reason} says why a shopper is not in: {@code held_out} by the traffic share or
     * the experiment is {@code stopped}.
     */
    public ObjectNode assignment(Experiment e, String shopperKey, Assignment a) {
        ObjectNode n = mapper.createObjectNode();
        n.put("experiment_id", e.id());
        n.put("shopper_key", shopperKey);
        n.put("in_experiment", a != null);
        if (a == null) {
            n.putNull("variant");
            n.putNull("control");
            n.putNull("config");
            n.put("reason", e.running() ? "held_out" : "stopped");
        } else {
            n.put("variant", a.variant());
            n.put("control", a.control());
            ObjectNode config = n.putObject("config");
            a.config().forEach(config::put);
            n.put("reason", "assigned");
        }
        return n;
    }

    private void metric(ObjectNode parent, String name, Metric m) {
        ObjectNode n = estimate(parent.putObject(name), m.value());
        if (m.vsControl() == null) n.putNull("vs_control");
        else estimate(n.putObject("vs_control"), m.vsControl()).put("significant", m.differsFromControl());
    }

    private static ObjectNode estimate(ObjectNode n, Estimate e) {
        if (e == null) {
            n.putNull("value");
            n.putNull("low");
            n.putNull("high");
        } else {
            n.put("value", round(e.value(), 6));
            n.put("low", round(e.low(), 6));
            n.put("high", round(e.high(), 6));
        }
        return n;
    }

    private static double round(double x, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(x * scale) / scale;
    }

    private Definition definition(JsonNode body, Set<String> known, Errors errors) {
        if (body == null || !body.isObject()) throw new ValidationException("body", "must be a JSON object");
        rejectUnknown(body, "", known, errors);
        String id = text(body, "id", true, errors);
        String description = text(body, "description", false, errors);
        String surface = text(body, "surface", false, errors);
        Double traffic = number(body, "traffic", "traffic", false, errors);
        List<Variant> variants = new ArrayList<>();
        JsonNode list = body.get("variants");
        if (list == null || list.isNull()) errors.add("variants", "is required");
        else if (!list.isArray()) errors.add("variants", "must be an array of variants");
        else {
            for (int i = 0; i < list.size(); i++) {
                Variant v = variant(list.get(i), "variants[" + i + "]", errors);
                if (v != null) variants.add(v);
            }
        }
        return new Definition(id, description, surface, traffic == null ? 1.0 : traffic, variants);
    }

    private static Variant variant(JsonNode node, String at, Errors errors) {
        if (!node.isObject()) {
            errors.add(at, "must be an object with name and weight");
            return null;
        }
        rejectUnknown(node, at + ".", VARIANT_FIELDS, errors);
        String name = text(node, "name", at + ".name", true, errors);
        Double weight = number(node, "weight", at + ".weight", true, errors);
        boolean control = false;
        JsonNode c = node.get("control");
        if (c != null && !c.isNull()) {
            if (c.isBoolean()) control = c.booleanValue();
            else errors.add(at + ".control", "must be true or false");
        }
        Map<String, String> config = new LinkedHashMap<>();
        JsonNode cfg = node.get("config");
        if (cfg != null && !cfg.isNull()) {
            if (!cfg.isObject()) errors.add(at + ".config", "must be an object of text values");
            else {
                for (Iterator<Map.Entry<String, JsonNode>> it = cfg.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isTextual()) config.put(e.getKey(), e.getValue().textValue());
                    else errors.add(at + ".config." + fieldName(e.getKey()), "must be a text");
                }
            }
        }
        return name == null || weight == null ? null : new Variant(name, weight, control, config);
    }

    private static void rejectUnknown(JsonNode node, String prefix, Set<String> known, Errors errors) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) errors.add(prefix + fieldName(f), "is not a known field");
        }
    }

    private static String text(JsonNode node, String field, boolean required, Errors errors) {
        return text(node, field, field, required, errors);
    }

    private static String text(JsonNode node, String field, String path, boolean required, Errors errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) errors.add(path, "is required");
            return null;
        }
        if (!v.isTextual()) {
            errors.add(path, "must be a text");
            return null;
        }
        return v.textValue();
    }

    private static Double number(JsonNode node, String field, String path, boolean required, Errors errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) errors.add(path, "is required");
            return null;
        }
        if (!v.isNumber()) {
            errors.add(path, "must be a number");
            return null;
        }
        return v.doubleValue();
    }

    private static Instant time(JsonNode node, String field, boolean required, Errors errors) {
        String s = text(node, field, required, errors);
        if (s == null) return null;
        try {
            return Rfc3339.parse(s);
        } catch (RuntimeException e) {
            errors.add(field, "must be an RFC 3339 time");
            return null;
        }
    }

    /** A key fit to appear in an error's field path (a blank one is quoted). */
    private static String fieldName(String key) { return key.isBlank() ? "\"" + key + "\"" : key; }
}
