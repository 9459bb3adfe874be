package io.aisle.forecast;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwkwardSeriesTest {
    private final AisleForecaster forecaster = new AisleForecaster(ForecastConfig.defaults().withPaths(50).withGlobalModel(false));

    private QuantileForecast forecast(double[] units) {
        return forecaster.forecast(TestPanels.single(units, 6), units.length, 6, m -> {}).forecasts().get(0);
    }

    @Test
    void short_series_gets_a_forecast_near_its_values() {
        QuantileForecast f = forecast(new double[] {10, 12});
        for (int h = 0; h < 6; h++) assertThat(f.median(h)).isBetween(5.0, 20.0);
    }

    @Test
    void constant_series_is_forecast_flat_at_its_value() {
        double[] units = new double[40];
        Arrays.fill(units, 25);
        QuantileForecast f = forecast(units);
        for (int h = 0; h < 6; h++) assertThat(f.median(h)).isCloseTo(25.0, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void all_zero_series_is_forecast_at_zero() {
        QuantileForecast f = forecast(new double[30]);
        for (int h = 0; h < 6; h++) {
            assertThat(f.median(h)).isZero();
            assertThat(f.mean()[h]).isLessThan(0.5);
        }
    }

    @Test
    void gappy_series_is_forecast_from_the_weeks_it_has() {
        double[] units = new double[40];
        for (int t = 0; t < units.length; t++) units[t] = t % 3 == 0 ? Double.NaN : 100 + (t % 2) * 10;
        QuantileForecast f = forecast(units);
        for (int h = 0; h < 6; h++) {
            assertThat(f.median(h)).isBetween(80.0, 130.0);
            assertThat(f.quantile(h, 0.1)).isLessThanOrEqualTo(f.median(h));
            assertThat(f.quantile(h, 0.9)).isGreaterThanOrEqualTo(f.median(h));
        }
    }

    @Test
    void sparse_series_goes_to_the_intermittent_model_and_forecasts_a_small_rate() {
        double[] units = new double[52];
        for (int t = 0; t < units.length; t += 5) units[t] = 3;
        QuantileForecast f = forecast(units);
        for (int h = 0; h < 6; h++) assertThat(f.mean()[h]).isBetween(0.1, 3.0);
    }

    @Test
    void series_with_no_history_is_forecast_at_zero() {
        double[] units = new double[10];
        Arrays.fill(units, Double.NaN);
        QuantileForecast f = forecast(units);
        assertThat(f.median(0)).isZero();
    }

    @Test
    void refuses_an_origin_without_drivers_for_the_horizon() {
        Panel p = TestPanels.single(new double[] {1, 2, 3}, 2);
        assertThatThrownBy(() -> forecaster.forecast(p, 3, 5, m -> {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("origin");
    }
}
