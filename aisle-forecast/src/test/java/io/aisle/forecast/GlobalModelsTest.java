package io.aisle.forecast;

import io.aisle.forecast.model.GlobalBoostedModel;
import io.aisle.forecast.model.GlobalLinearModel;
import io.aisle.forecast.model.NaiveModel;
import io.aisle.forecast.model.PointModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalModelsTest {
    private static final int WEEKS = 50, H = 6;

    /** The full panel (units through the test weeks) and the same panel cut at the origin. */
    private final Panel full = TestPanels.synthetic(5, 5, WEEKS + H, 0, 11);
    private final Panel cut = new Panel(full.driverNames(), full.localDrivers(), full.seasonPeriod(), full.length(),
            full.series().stream().map(s -> new DemandSeries(s.key(), java.util.Arrays.copyOf(s.units(), WEEKS), s.drivers())).toList());

    private double error(double[][] logForecast) {
        double e = 0;
        for (int i = 0; i < full.size(); i++) {
            for (int k = 0; k < H; k++) e += Math.abs(full.series().get(i).units()[WEEKS + k] - Math.expm1(logForecast[i][k]));
        }
        return e;
    }

    @Test
    void global_models_learn_the_price_and_promotion_effects_that_naive_misses() {
        double naive = error(new NaiveModel(false).forecast(cut, WEEKS, H));
        for (PointModel m : List.<PointModel>of(new GlobalLinearModel(GlobalLinearModel.Penalties.defaults()),
                new GlobalBoostedModel(new GlobalBoostedModel.Config(60, 0.1, 4, 5, 30, 2, 1, 1)))) {
            assertThat(error(m.forecast(cut, WEEKS, H))).as(m.name()).isLessThan(0.7 * naive);
        }
    }

    @Test
    void the_ensemble_weighs_every_model_and_covers_most_test_weeks_with_its_80_percent_interval() {
        ForecastConfig config = ForecastConfig.defaults().withPaths(0).withBoostedRounds(60);
        AisleForecaster.Run run = new AisleForecaster(config).forecast(cut, WEEKS, H, m -> {});
        assertThat(run.weights()).containsOnlyKeys("local-regression", "global-linear", "global-boosted");
        assertThat(run.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        int in = 0, n = 0;
        for (int i = 0; i < full.size(); i++) {
            QuantileForecast f = run.forecasts().get(i);
            for (int k = 0; k < H; k++, n++) {
                double y = full.series().get(i).units()[WEEKS + k];
                if (y >= f.quantile(k, 0.1) && y <= f.quantile(k, 0.9)) in++;
            }
        }
        assertThat(in / (double) n).isBetween(0.6, 0.97);
    }
}
