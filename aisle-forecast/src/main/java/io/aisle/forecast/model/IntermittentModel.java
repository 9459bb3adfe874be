package io.aisle.forecast.model;

import io.aisle.forecast.DemandSeries;
import io.aisle.forecast.Panel;

/**
 * Teunter-Syntetos-Babai (TSB) forecasts for sparse series: the probability of a sale and the size of a sale are
 * smoothed separately (the probability every period, so demand that dies out decays, unlike Croston's method).
 */
public final class IntermittentModel implements PointModel {
    private static final double ALPHA_SIZE = 0.1;
    private static final double ALPHA_PROB = 0.1;

    @Override public String name() { return "tsb"; }

    @Override public double[][] forecast(Panel panel, int origin, int horizon) {
        double[][] out = new double[panel.size()][];
        for (int i = 0; i < panel.size(); i++) out[i] = forecastOne(panel.series().get(i), origin, horizon);
        return out;
    }

    /** Mean demand per period, as log(1 + units), flat over the horizon. */
    double[] forecastOne(DemandSeries s, int origin, int horizon) {
        double size = Double.NaN, prob = Double.NaN;
        for (int t = 0; t < origin; t++) {
            double u = s.unitsAt(t);
            if (Double.isNaN(u)) continue;
            if (Double.isNaN(prob)) {
                prob = u > 0 ? 1 : 0;
                size = u > 0 ? u : Double.NaN;
                continue;
            }
            prob += ALPHA_PROB * ((u > 0 ? 1 : 0) - prob);
            if (u > 0) size = Double.isNaN(size) ? u : size + ALPHA_SIZE * (u - size);
        }
        double rate = Double.isNaN(prob) || Double.isNaN(size) ? 0 : prob * size;
        double[] out = new double[horizon];
        java.util.Arrays.fill(out, Math.log1p(rate));
        return out;
    }
}
