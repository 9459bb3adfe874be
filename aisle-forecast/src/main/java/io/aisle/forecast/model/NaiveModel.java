package io.aisle.forecast.model;

import io.aisle.forecast.Panel;

/** The last value, or the value one season back when {@code seasonal}: the usual baselines. */
public record NaiveModel(boolean seasonal) implements PointModel {

    @Override public String name() { return seasonal ? "seasonal-naive" : "naive"; }

    @Override public double[][] forecast(Panel panel, int origin, int horizon) {
        double[][] out = new double[panel.size()][horizon];
        int m = panel.seasonPeriod();
        for (int i = 0; i < panel.size(); i++) {
            History h = History.of(panel.series().get(i), origin);
            double last = h.first() < 0 ? 0 : h.last();
            for (int k = 0; k < horizon; k++) {
                double v = last;
                if (seasonal) {
                    // The same period one cycle back, stepping back whole cycles until it lies in the filled history.
                    int t = origin + k - m;
                    while (t >= origin) t -= m;
                    if (t >= 0 && h.first() >= 0 && t >= h.first()) v = h.y()[t];
                }
                out[i][k] = v;
            }
        }
        return out;
    }
}
