package io.aisle.server.console;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/**
 * The demand curve of a pricing recommendation laid out for an inline SVG: the expected-units line, its 10-90%
 * band from parameter uncertainty, and the chosen and current prices, in a {@value #WIDTH} x {@value #HEIGHT} box.
 */
public record PricingChart(String curve, String band, double chosenX, double chosenY, double currentX,
                           String priceMin, String priceMax, String unitsMax) {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 300;
    static final int PAD = 40;

    /** Lays out the {@code curve} array of a recommendation's wire form. */
    public static PricingChart of(JsonNode rec) {
        JsonNode curve = rec.path("curve");
        double pMin = Double.MAX_VALUE, pMax = 0, uMax = 0;
        for (JsonNode c : curve) {
            pMin = Math.min(pMin, c.path("price").asDouble());
            pMax = Math.max(pMax, c.path("price").asDouble());
            uMax = Math.max(uMax, c.path("units_p90").asDouble());
        }
        if (curve.isEmpty()) { pMin = 0; pMax = 1; uMax = 1; }
        double sx = (WIDTH - 2 * PAD) / Math.max(1e-9, pMax - pMin);
        double sy = (HEIGHT - 2 * PAD) / Math.max(1e-9, uMax);
        StringBuilder line = new StringBuilder(), upper = new StringBuilder(), lower = new StringBuilder();
        for (JsonNode c : curve) {
            double x = PAD + (c.path("price").asDouble() - pMin) * sx;
            line.append(pt(x, HEIGHT - PAD - c.path("units").asDouble() * sy));
            upper.append(pt(x, HEIGHT - PAD - c.path("units_p90").asDouble() * sy));
            lower.insert(0, pt(x, HEIGHT - PAD - c.path("units_p10").asDouble() * sy));
        }
        double price = rec.path("price").asDouble();
        double chosenUnits = interpolate(curve, price);
        return new PricingChart(line.toString().strip(), (upper.toString() + lower).strip(),
                PAD + (price - pMin) * sx, HEIGHT - PAD - chosenUnits * sy, PAD + (rec.path("current_price").asDouble() - pMin) * sx,
                money(pMin), money(pMax), String.format(Locale.ROOT, "%.0f", uMax));
    }

    private static double interpolate(JsonNode curve, double price) {
        for (int i = 1; i < curve.size(); i++) {
            double p0 = curve.get(i - 1).path("price").asDouble(), p1 = curve.get(i).path("price").asDouble();
            if (price >= p0 && price <= p1) {
                double t = p1 == p0 ? 0 : (price - p0) / (p1 - p0);
                return curve.get(i - 1).path("units").asDouble() * (1 - t) + curve.get(i).path("units").asDouble() * t;
            }
        }
        return curve.isEmpty() ? 0 : curve.get(0).path("units").asDouble();
    }

    private static String pt(double x, double y) { return String.format(Locale.ROOT, "%.1f,%.1f ", x, y); }

    static String money(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    public int width() { return WIDTH; }

    public int height() { return HEIGHT; }

    public int pad() { return PAD; }
}
