package io.aisle.forecast;

import io.aisle.forecast.model.GlobalBoostedModel;
import io.aisle.forecast.model.GlobalLinearModel;
import io.aisle.forecast.model.NaiveModel;
import io.aisle.forecast.model.PointModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

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
        GlobalLinearModel linear = new GlobalLinearModel(GlobalLinearModel.Penalties.defaults());
        GlobalBoostedModel.Config trees = new GlobalBoostedModel.Config(60, 0.1, 4, 5, 30, 2, 1, 1);
        for (PointModel m : List.of(linear, new GlobalBoostedModel(trees), GlobalBoostedModel.onResidualsOf(linear, trees))) {
            assertThat(error(m.forecast(cut, WEEKS, H))).as(m.name()).isLessThan(0.7 * naive);
        }
    }

    @Test
    void the_ensemble_weighs_every_model_and_covers_most_test_weeks_with_its_80_percent_interval() {
        ForecastConfig config = ForecastConfig.defaults().withPaths(0).withBoostedRounds(60);
        AisleForecaster.Run run = new AisleForecaster(config).forecast(cut, WEEKS, H, m -> {});
        assertThat(run.weights()).containsOnlyKeys("local-regression", "global-linear", "global-boosted", "global-hybrid");
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

    @Test
    void each_location_keeps_its_own_price_response_where_its_data_insist() {
        // One SKU in 8 stores; price sensitivity differs by store (-1 .. -4.5), prices move every week.
        Random rnd = new Random(3);
        int weeks = 104, h = 4;
        List<DemandSeries> series = new java.util.ArrayList<>();
        double[] elasticity = new double[8];
        for (int s = 0; s < 8; s++) {
            elasticity[s] = -1 - 0.5 * s;
            double[] units = new double[weeks];
            double[][] d = new double[weeks + h][2];
            for (int t = 0; t < weeks + h; t++) {
                d[t][0] = Math.log(2) + 0.6 * (rnd.nextDouble() - 0.5);
                if (t < weeks) units[t] = Math.round(Math.exp(5 + elasticity[s] * (d[t][0] - Math.log(2)) + 0.05 * rnd.nextGaussian()));
            }
            // The test weeks run a deep discount, beyond the prices seen.
            for (int t = weeks; t < weeks + h; t++) d[t][0] = Math.log(2) - 0.4;
            series.add(new DemandSeries(new SeriesKey("sku-1", "store-" + s), units, d));
        }
        Panel panel = new Panel(List.of("log_price", "promo"), 2, 52, weeks + h, series);
        var own = new GlobalLinearModel(GlobalLinearModel.Penalties.defaults()).forecast(panel, weeks, h);
        var pooled = new GlobalLinearModel(new GlobalLinearModel.Penalties(10, 100, 10, 1e9)).forecast(panel, weeks, h);
        double ownError = 0, pooledError = 0;
        for (int s = 0; s < 8; s++) {
            double truth = 5 + elasticity[s] * -0.4;
            ownError += Math.abs(own[s][0] - truth);
            pooledError += Math.abs(pooled[s][0] - truth);
        }
        assertThat(ownError).isLessThan(0.5 * pooledError);
        assertThat(ownError / 8).isLessThan(0.2);
    }
}
