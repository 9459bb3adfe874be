package io.aisle.forecast.model;

import io.aisle.forecast.Panel;

/** A model that fits on a panel's past and returns point forecasts on the log scale {@code log(1 + units)}. */
public interface PointModel {
    String name();

    /**
     * Fits on all periods before {@code origin} and forecasts periods {@code origin .. origin + horizon - 1}.
     *
     * @return {@code [series][h]} log-scale forecasts; every value finite
     */
    double[][] forecast(Panel panel, int origin, int horizon);
}
