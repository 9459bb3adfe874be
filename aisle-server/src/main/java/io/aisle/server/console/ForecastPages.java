package io.aisle.server.console;

import io.aisle.forecast.QuantileForecast;
import io.aisle.forecast.inventory.InventoryPlanner;
import io.aisle.forecast.inventory.LeadTime;
import io.aisle.forecast.inventory.ReorderPlan;
import io.aisle.server.forecast.DemandForecasts;
import io.aisle.server.http.ApiKeys;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Console page of one SKU's demand: weekly history, the forecast fan (p10-p90 bands) and the inventory plan. */
public final class ForecastPages implements Routes {
    private final DemandForecasts forecasts;
    private final InventoryPlanner planner;
    private final ConsoleGuard guard;
    private final Templates templates = new Templates();

    public ForecastPages(DemandForecasts forecasts, InventoryPlanner planner, ApiKeys keys) {
        this.forecasts = forecasts;
        this.planner = planner;
        this.guard = new ConsoleGuard(new Auth(keys));
    }

    @Override public void register(Router router) {
        router.get("/console/forecasts", Role.OPEN, guard.admin(this::page));
    }

    /** What the template shows about one plan. */
    public record PlanView(String reorderPoint, String orderQuantity, String safetyStock, String leadDemand) {}

    private void page(Context ctx) {
        String sku = ctx.queryParam("sku");
        Map<String, Object> p = new HashMap<>();
        p.put("sku", sku == null ? "" : sku.strip());
        p.put("message", "");
        p.put("svg", "");
        p.put("plan", null);
        if (sku != null && !sku.isBlank()) {
            var f = forecasts.forecast(sku.strip(), DemandForecasts.ONLINE, 12);
            if (f.isEmpty()) {
                ctx.status(HttpStatus.NOT_FOUND);
                p.put("message", "No purchases of '" + sku.strip() + "' in the event log.");
            } else {
                p.put("svg", fan(f.get().history(), f.get().forecast()));
                ReorderPlan plan = planner.reorder(f.get().forecast(), LeadTime.fixed(1), 0.95, 1, 0, 0);
                p.put("plan", new PlanView(fmt(plan.reorderPoint()), fmt(plan.orderQuantity()), fmt(plan.safetyStock()),
                        fmt(plan.meanLeadDemand())));
            }
        }
        templates.render(ctx, "console/forecast.jte", p);
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    /** An inline SVG: the last year of history as a line, then the p10-p90 and p30-p70 bands and the median. */
    static String fan(double[] history, QuantileForecast f) {
        int shown = Math.min(52, history.length), horizon = f.horizon();
        int n = shown + horizon;
        double top = 1;
        for (int t = history.length - shown; t < history.length; t++) top = Math.max(top, history[t]);
        for (int h = 0; h < horizon; h++) top = Math.max(top, f.quantile(h, 0.9));
        double max = top;
        double w = 720, ht = 240, pad = 30;
        java.util.function.DoubleUnaryOperator y = v -> ht - pad - v / max * (ht - 2 * pad);
        java.util.function.IntToDoubleFunction x = i -> pad + i * (w - 2 * pad) / Math.max(1, n - 1);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg class=\"fan\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"Weekly units: history and forecast\">", w, ht));
        for (double[] band : new double[][] {{0.1, 0.9, 0.25}, {0.3, 0.7, 0.45}}) {
            StringBuilder poly = new StringBuilder();
            for (int h = 0; h < horizon; h++) poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(shown + h), y.applyAsDouble(f.quantile(h, band[1]))));
            for (int h = horizon - 1; h >= 0; h--) poly.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(shown + h), y.applyAsDouble(f.quantile(h, band[0]))));
            sb.append(String.format(Locale.ROOT, "<polygon points=\"%s\" fill=\"#3b6fd8\" fill-opacity=\"%.2f\"><title>p%02.0f-p%02.0f</title></polygon>",
                    poly.toString().strip(), band[2], band[0] * 100, band[1] * 100));
        }
        StringBuilder hist = new StringBuilder(), med = new StringBuilder();
        for (int i = 0; i < shown; i++) hist.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(i), y.applyAsDouble(history[history.length - shown + i])));
        for (int h = 0; h < horizon; h++) med.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(shown + h), y.applyAsDouble(f.median(h))));
        sb.append("<polyline fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\" points=\"").append(hist.toString().strip()).append("\"/>");
        sb.append("<polyline fill=\"none\" stroke=\"#1d3f8a\" stroke-width=\"2\" stroke-dasharray=\"4 3\" points=\"").append(med.toString().strip()).append("\"/>");
        sb.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"16\" font-size=\"11\">max %.0f units/week</text>", pad, max));
        sb.append("</svg>");
        return sb.toString();
    }
}
