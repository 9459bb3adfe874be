package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.forecast.QuantileForecast;
import io.aisle.forecast.inventory.InventoryPlanner;
import io.aisle.forecast.inventory.LeadTime;
import io.aisle.forecast.inventory.ReorderPlan;
import io.aisle.server.forecast.DemandForecasts;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Bodies;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;


/** HTTP face of demand forecasts ({@code GET /v1/forecasts/{id}}, id = the SKU) and inventory plans ({@code POST /v1/inventory/plan}). */
public final class ForecastRoutes implements Routes {
    private static final long MAX_BODY = 64 * 1024;

    private final DemandForecasts forecasts;
    private final InventoryPlanner planner;
    private final ObjectMapper mapper;
    private final Bodies bodies;

    public ForecastRoutes(DemandForecasts forecasts, InventoryPlanner planner, ObjectMapper mapper) {
        this.forecasts = forecasts;
        this.planner = planner;
        this.mapper = mapper;
        this.bodies = new Bodies(mapper);
    }

    @Override public void register(Router router) {
        router.get("/v1/forecasts/{id}", Role.ADMIN, this::forecast);
        router.post("/v1/inventory/plan", Role.ADMIN, this::plan);
    }

    private void forecast(Context ctx) {
        String sku = ctx.pathParam("id");
        String location = location(ctx.queryParam("location"));
        int horizon = horizon(ctx.queryParam("horizon"));
        DemandForecasts.SkuForecast f = forecasts.forecast(sku, location, horizon)
                .orElseThrow(() -> ApiException.notFound("No purchases of '" + sku + "' at location '" + location + "'"));
        ctx.json(forecastJson(f));
    }

    ObjectNode forecastJson(DemandForecasts.SkuForecast f) {
        ObjectNode n = mapper.createObjectNode();
        n.put("sku", f.key().sku());
        n.put("location", f.key().location());
        n.put("period", "week");
        ArrayNode history = n.putArray("history");
        for (int t = 0; t < f.history().length; t++) history.addObject().put("week", f.week(t).toString()).put("units", f.history()[t]);
        ArrayNode out = n.putArray("forecast");
        QuantileForecast q = f.forecast();
        for (int h = 0; h < q.horizon(); h++) {
            ObjectNode step = out.addObject();
            step.put("week", f.week(f.history().length + h).toString());
            step.put("mean", q.mean()[h]);
            ObjectNode qs = step.putObject("quantiles");
            for (int j = 0; j < q.probs().length; j++) qs.put(String.format("p%02d", Math.round(q.probs()[j] * 100)), q.quantiles()[h][j]);
        }
        return n;
    }

    private void plan(Context ctx) {
        JsonNode body = bodies.json(ctx, MAX_BODY);
        if (!body.isObject()) throw invalid("body", "must be a JSON object");
        String sku = text(body, "sku");
        String location = location(body.hasNonNull("location") ? body.get("location").asText() : null);
        double service = number(body, "service_level", 0.95, 0.5, 0.9999);
        double holding = number(body, "holding_cost", 1, 1e-9, 1e9);
        double orderCost = number(body, "order_cost", 0, 0, 1e9);
        double onHand = number(body, "on_hand", 0, 0, 1e12);
        double onOrder = number(body, "on_order", 0, 0, 1e12);
        LeadTime lead = leadTime(body.get("lead_time"));
        int horizon = Math.max(lead.max() + 1, 8);
        var f = forecasts.forecast(sku, location, horizon)
                .orElseThrow(() -> ApiException.notFound("No purchases of '" + sku + "' at location '" + location + "'"));
        ReorderPlan p = planner.reorder(f.forecast(), lead, service, holding, orderCost, onHand + onOrder);
        ObjectNode n = mapper.createObjectNode();
        n.put("sku", sku).put("location", location).put("service_level", service);
        n.put("reorder_point", p.reorderPoint()).put("order_quantity", p.orderQuantity()).put("safety_stock", p.safetyStock())
                .put("mean_lead_time_demand", p.meanLeadDemand()).put("order_now", p.orderNow());
        if (body.hasNonNull("stockout_cost")) {
            double stockout = number(body, "stockout_cost", 1, 1e-9, 1e9);
            n.put("newsvendor_quantity", planner.newsvendor(f.forecast(), lead.max() + 1, stockout, holding));
        }
        n.set("forecast", forecastJson(f).get("forecast"));
        ctx.json(n);
    }

    private static LeadTime leadTime(JsonNode n) {
        if (n == null || n.isNull()) return LeadTime.fixed(1);
        if (n.isInt()) {
            if (n.asInt() < 0 || n.asInt() > 26) throw invalid("lead_time", "must be 0..26 weeks, got " + n.asInt());
            return LeadTime.fixed(n.asInt());
        }
        if (!n.isObject() || !n.path("weeks").isArray() || !n.path("probs").isArray())
            throw invalid("lead_time", "must be a whole number of weeks or {\"weeks\": [..], \"probs\": [..]}");
        JsonNode w = n.get("weeks"), p = n.get("probs");
        if (w.isEmpty() || w.size() != p.size()) throw invalid("lead_time.probs", "must have one probability per entry of lead_time.weeks");
        int[] weeks = new int[w.size()];
        double[] probs = new double[p.size()];
        for (int i = 0; i < weeks.length; i++) {
            if (!w.get(i).isInt() || w.get(i).asInt() < 0 || w.get(i).asInt() > 26)
                throw invalid("lead_time.weeks[" + i + "]", "must be a whole number 0..26");
            if (!p.get(i).isNumber() || p.get(i).asDouble() < 0) throw invalid("lead_time.probs[" + i + "]", "must be a number >= 0");
            weeks[i] = w.get(i).asInt();
            probs[i] = p.get(i).asDouble();
        }
        try {
            return new LeadTime(weeks, probs);
        } catch (IllegalArgumentException e) {
            throw invalid("lead_time.probs", "must sum to 1");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) throw invalid(field, "is required");
        if (!v.isTextual() || v.asText().isBlank()) throw invalid(field, "must be a non-empty string");
        return v.asText();
    }

    private static double number(JsonNode body, String field, double dflt, double min, double max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return dflt;
        if (!v.isNumber()) throw invalid(field, "must be a number");
        double d = v.asDouble();
        if (!(d >= min && d <= max)) throw invalid(field, "must be between " + min + " and " + max + ", got " + d);
        return d;
    }

    private static String location(String raw) {
        if (raw == null || raw.isBlank()) return DemandForecasts.ONLINE;
        if (!DemandForecasts.ONLINE.equals(raw.strip()))
            throw invalid("location", "must be '" + DemandForecasts.ONLINE + "' (purchase events carry no store), got '" + raw + "'");
        return raw.strip();
    }

    private static int horizon(String raw) {
        if (raw == null || raw.isBlank()) return 12;
        try {
            int h = Integer.parseInt(raw.strip());
            if (h < 1 || h > 52) throw invalid("horizon", "must be 1..52 weeks, got " + h);
            return h;
        } catch (NumberFormatException e) {
            throw invalid("horizon", "must be a whole number of weeks, got '" + raw + "'");
        }
    }

    /** Bad input is a 400 naming the field. */
    static ApiException invalid(String field, String reason) { return ApiException.invalid(field, reason); }
}
