package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.ValidationException;
import io.aisle.pricing.CurvePoint;
import io.aisle.pricing.Distribution;
import io.aisle.pricing.Objective;
import io.aisle.pricing.PricingRequest;
import io.aisle.pricing.Recommendation;
import io.aisle.pricing.guard.Guardrails;
import io.aisle.pricing.guard.PriceLadder;
import io.aisle.pricing.guard.PricePoint;
import io.aisle.pricing.guard.ProductInput;
import io.aisle.server.http.ApiException;
import io.aisle.server.pricing.PricedProduct;
import io.aisle.server.pricing.PricingCall;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The wire form of pricing (snake_case): recommendation requests in, recommendations out. Every missing, mistyped or
 * unknown field is refused with HTTP 422 naming it ({@code products[2].guardrails.max_change}).
 */
public final class PricingJson {
    private static final Set<String> REQUEST = Set.of("as_of", "objective", "products", "elasticity_prior", "explore");
    private static final Set<String> OBJECTIVE = Set.of("type", "periods", "salvage", "cvar_alpha");
    private static final Set<String> PRIOR = Set.of("mean", "sd");
    private static final Set<String> PRODUCT = Set.of("id", "cost", "current_price", "price_history", "competitor_price",
            "family", "pack_size", "stock", "base_units", "guardrails");
    private static final Set<String> POINT = Set.of("date", "price", "units");
    private static final Set<String> GUARDRAILS = Set.of("cost_floor", "min_margin", "max_change", "min_advertised_price",
            "competitor_min", "competitor_max", "min_price", "max_price", "ladder", "promotion");
    private static final Set<String> LADDER = Set.of("endings", "points");
    static final int MAX_PRODUCTS = 500;
    static final int MAX_HISTORY = 1000;

    private final ObjectMapper mapper;

    public PricingJson(ObjectMapper mapper) { this.mapper = mapper; }

    /** Reads a recommendation request; {@code today} is the default {@code as_of}. */
    public PricingCall call(JsonNode body, LocalDate today) {
        Reader r = new Reader();
        r.object(body, "", REQUEST);
        LocalDate asOf = body.has("as_of") ? r.date(body.get("as_of"), "as_of") : today;
        JsonNode o = body.get("objective");
        Objective objective = new Objective.Profit();
        double cvar = 0;
        if (o != null && o.isTextual()) objective = r.objective(o.asText(), 1, 0);
        else if (o != null) {
            r.object(o, "objective", OBJECTIVE);
            String type = o.has("type") ? r.text(o.get("type"), "objective.type") : "profit";
            int periods = (int) r.number(o, "objective.periods", "periods", 1, 1, 520);
            double salvage = r.number(o, "objective.salvage", "salvage", 0, 0, 1e9);
            cvar = r.number(o, "objective.cvar_alpha", "cvar_alpha", 0, 0, 0.99);
            if (type != null) objective = r.objective(type, periods, salvage);
        }
        double priorMean = -2.0, priorSd = 1.0;
        JsonNode prior = body.get("elasticity_prior");
        if (prior != null) {
            r.object(prior, "elasticity_prior", PRIOR);
            priorMean = r.number(prior, "elasticity_prior.mean", "mean", priorMean, -20, 5);
            priorSd = r.number(prior, "elasticity_prior.sd", "sd", priorSd, 0.01, 10);
        }
        boolean explore = r.bool(body, "explore", "explore", false);
        if (explore && !(objective instanceof Objective.Profit)) r.fail("explore", "works with objective profit only");
        JsonNode list = body.get("products");
        List<PricedProduct> products = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) r.fail("products", "must be a non-empty array");
        else if (list.size() > MAX_PRODUCTS) r.fail("products", "at most " + MAX_PRODUCTS + " per request");
        else for (int i = 0; i < list.size(); i++) {
            PricedProduct p = r.product(list.get(i), "products[" + i + "]");
            if (p != null) products.add(p);
        }
        r.throwIfAny();
        try {
            PricingRequest request = new PricingRequest(asOf, objective, cvar, products.stream().map(PricedProduct::input).toList());
            return new PricingCall(request, products, priorMean, priorSd, explore);
        } catch (ValidationException e) {
            throw ApiException.invalid(e.errors());
        }
    }

    /** Reads the body of approve and apply: {@code by} (who) is required, {@code reason} optional. */
    public String[] decision(JsonNode body) {
        Reader r = new Reader();
        r.object(body, "", Set.of("by", "reason"));
        String by = body.has("by") ? r.text(body.get("by"), "by") : null;
        if (by == null || by.isBlank()) r.fail("by", "is required: who decides");
        else if (by.length() > 200) r.fail("by", "at most 200 characters");
        String reason = body.has("reason") ? r.text(body.get("reason"), "reason") : "";
        if (reason != null && reason.length() > 2000) r.fail("reason", "at most 2000 characters");
        r.throwIfAny();
        return new String[]{by, reason};
    }

    public ObjectNode encode(Recommendation rec, boolean exploring) {
        ObjectNode n = mapper.createObjectNode();
        n.put("product_id", rec.productId());
        n.put("price", rec.price());
        n.put("current_price", rec.currentPrice());
        if (rec.referencePrice() == null) n.putNull("reference_price");
        else n.put("reference_price", rec.referencePrice());
        n.put("objective", rec.objective());
        n.put("score", round(rec.score()));
        ObjectNode expected = n.putObject("expected");
        distribution(expected.putObject("units"), rec.expected().units());
        distribution(expected.putObject("revenue"), rec.expected().revenue());
        distribution(expected.putObject("margin"), rec.expected().margin());
        expected.put("stock_out_risk", round(rec.expected().stockOutRisk()));
        ObjectNode e = n.putObject("elasticity");
        e.put("mean", round(rec.elasticity()));
        e.put("lo90", round(rec.elasticityLo()));
        e.put("hi90", round(rec.elasticityHi()));
        n.put("exploring", exploring);
        ArrayNode binding = n.putArray("binding_guardrails");
        rec.bindingGuardrails().forEach(binding::add);
        ArrayNode curve = n.putArray("curve");
        for (CurvePoint c : rec.curve()) {
            curve.addObject().put("price", round(c.price())).put("units", round(c.units()))
                    .put("units_p10", round(c.unitsP10())).put("units_p90", round(c.unitsP90()));
        }
        return n;
    }

    private static void distribution(ObjectNode n, Distribution d) {
        n.put("mean", round(d.mean())).put("p10", round(d.p10())).put("p50", round(d.p50())).put("p90", round(d.p90()));
    }

    private static double round(double v) { return Math.round(v * 10_000) / 10_000.0; }


    /** Collects field errors while reading. */
    private static final class Reader {
        private final List<FieldError> errors = new ArrayList<>();

        void fail(String field, String reason) { errors.add(new FieldError(field, reason)); }

        void throwIfAny() { if (!errors.isEmpty()) throw ApiException.invalid(errors); }

        boolean object(JsonNode n, String at, Set<String> known) {
            if (n == null || !n.isObject()) {
                fail(at.isEmpty() ? "body" : at, "must be a JSON object");
                return false;
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) fail(at.isEmpty() ? f : at + "." + f, "is not a known field");
            }
            return true;
        }

        String text(JsonNode n, String field) {
            if (n == null || n.isNull()) return null;
            if (!n.isTextual()) { fail(field, "must be a string"); return null; }
            return n.asText();
        }

        LocalDate date(JsonNode n, String field) {
            String s = text(n, field);
            if (s == null) return null;
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                fail(field, "must be a date like 2026-03-02, got '" + s + "'");
                return null;
            }
        }

        /** A number field of {@code parent} in [lo, hi], or {@code fallback} when absent. */
        double number(JsonNode parent, String field, String name, double fallback, double lo, double hi) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) return fallback;
            if (!n.isNumber()) { fail(field, "must be a number"); return fallback; }
            double v = n.asDouble();
            if (!(v >= lo && v <= hi)) { fail(field, "must be in [" + lo + ", " + hi + "], got " + v); return fallback; }
            return v;
        }

        Double optional(JsonNode parent, String field, String name) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) return null;
            if (!n.isNumber()) { fail(field, "must be a number"); return null; }
            return n.asDouble();
        }

        Double required(JsonNode parent, String field, String name) {
            int before = errors.size();
            Double v = optional(parent, field, name);
            if (v == null && errors.size() == before) fail(field, "is required");
            return v;
        }

        Objective objective(String type, int periods, double salvage) {
            return switch (type) {
                case "profit" -> new Objective.Profit();
                case "revenue" -> new Objective.Revenue();
                case "sell_through" -> new Objective.SellThrough(periods, salvage);
                default -> {
                    fail("objective.type", "must be profit, revenue or sell_through, got '" + type + "'");
                    yield new Objective.Profit();
                }
            };
        }

        PricedProduct product(JsonNode n, String at) {
            if (!object(n, at, PRODUCT)) return null;
            int before = errors.size();
            String id = text(n.get("id"), at + ".id");
            if (id == null || id.isBlank()) fail(at + ".id", "is required");
            Double cost = required(n, at + ".cost", "cost");
            Double current = required(n, at + ".current_price", "current_price");
            if (cost != null && !(cost >= 0)) fail(at + ".cost", "must be >= 0, got " + cost);
            if (current != null && !(current > 0)) fail(at + ".current_price", "must be > 0, got " + current);
            Double competitor = optional(n, at + ".competitor_price", "competitor_price");
            String family = n.has("family") ? text(n.get("family"), at + ".family") : null;
            Double pack = optional(n, at + ".pack_size", "pack_size");
            Double stock = optional(n, at + ".stock", "stock");
            Double base = optional(n, at + ".base_units", "base_units");
            if (base != null && !(base > 0)) fail(at + ".base_units", "must be > 0");
            List<PricePoint> history = new ArrayList<>();
            List<PricedProduct.UnitsAtPrice> sales = new ArrayList<>();
            JsonNode h = n.get("price_history");
            if (h != null && !h.isNull()) {
                if (!h.isArray()) fail(at + ".price_history", "must be an array");
                else if (h.size() > MAX_HISTORY) fail(at + ".price_history", "at most " + MAX_HISTORY + " points");
                else for (int j = 0; j < h.size(); j++) {
                    String pat = at + ".price_history[" + j + "]";
                    if (!object(h.get(j), pat, POINT)) continue;
                    LocalDate date = date(h.get(j).get("date"), pat + ".date");
                    if (date == null && !h.get(j).has("date")) fail(pat + ".date", "is required");
                    Double price = optional(h.get(j), pat + ".price", "price");
                    if (price == null || !(price > 0)) { fail(pat + ".price", "is required and must be > 0"); continue; }
                    Double units = optional(h.get(j), pat + ".units", "units");
                    if (units != null && !(units >= 0)) fail(pat + ".units", "must be >= 0");
                    if (date != null) history.add(new PricePoint(date, price));
                    if (units != null) sales.add(new PricedProduct.UnitsAtPrice(price, units));
                }
            }
            if (sales.isEmpty() && base == null) fail(at + ".base_units", "is required when price_history has no units");
            Guardrails g = n.has("guardrails") ? guardrails(n.get("guardrails"), at + ".guardrails") : Guardrails.COST_FLOOR_ONLY;
            if (errors.size() > before) return null;
            try {
                return new PricedProduct(new ProductInput(id, cost, current, history, competitor, family, pack, stock, g), sales, base);
            } catch (ValidationException e) {
                for (FieldError f : e.errors()) fail(at + "." + f.field().replaceFirst("^products\\.", ""), f.reason());
                return null;
            }
        }

        Guardrails guardrails(JsonNode n, String at) {
            if (!object(n, at, GUARDRAILS)) return null;
            Boolean costFloor = bool(n, at + ".cost_floor", "cost_floor", true);
            Boolean promotion = bool(n, at + ".promotion", "promotion", false);
            PriceLadder ladder = PriceLadder.ANY_CENT;
            JsonNode l = n.get("ladder");
            if (l != null && !l.isNull() && object(l, at + ".ladder", LADDER)) {
                List<String> endings = new ArrayList<>();
                List<Double> points = new ArrayList<>();
                JsonNode e = l.get("endings");
                if (e != null && e.isArray()) e.forEach(x -> endings.add(x.isTextual() ? x.asText() : "?" + x));
                else if (e != null) fail(at + ".ladder.endings", "must be an array of strings like \".99\"");
                JsonNode p = l.get("points");
                if (p != null && p.isArray()) p.forEach(x -> points.add(x.isNumber() ? x.asDouble() : -1));
                else if (p != null) fail(at + ".ladder.points", "must be an array of prices");
                try {
                    ladder = new PriceLadder(endings, points);
                } catch (ValidationException ex) {
                    ex.errors().forEach(f -> fail(at + f.field().substring("guardrails".length()), f.reason()));
                }
            }
            try {
                return new Guardrails(costFloor, optional(n, at + ".min_margin", "min_margin"), optional(n, at + ".max_change", "max_change"),
                        optional(n, at + ".min_advertised_price", "min_advertised_price"), optional(n, at + ".competitor_min", "competitor_min"),
                        optional(n, at + ".competitor_max", "competitor_max"), optional(n, at + ".min_price", "min_price"),
                        optional(n, at + ".max_price", "max_price"), ladder, promotion);
            } catch (ValidationException ex) {
                ex.errors().forEach(f -> fail(at + f.field().substring("guardrails".length()), f.reason()));
                return null;
            }
        }

        Boolean bool(JsonNode parent, String field, String name, boolean fallback) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) return fallback;
            if (!n.isBoolean()) { fail(field, "must be true or false"); return fallback; }
            return n.asBoolean();
        }
    }
}
