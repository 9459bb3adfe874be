package io.aisle.forecast;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class QuantileForecastPropertyTest {
    private final AisleForecaster forecaster = new AisleForecaster(ForecastConfig.defaults().withPaths(20).withGlobalModel(false));

    @Property(tries = 60)
    void quantiles_never_cross_and_are_never_negative(@ForAll("histories") double[] units) {
        Panel panel = TestPanels.single(units, 8);
        QuantileForecast f = forecaster.forecast(panel, units.length, 8, m -> {}).forecasts().get(0);
        for (int h = 0; h < f.horizon(); h++) {
            double[] q = f.quantiles()[h];
            assertThat(q[0]).isGreaterThanOrEqualTo(0);
            for (int j = 1; j < q.length; j++) assertThat(q[j]).isGreaterThanOrEqualTo(q[j - 1]);
            assertThat(f.mean()[h]).isFinite().isGreaterThanOrEqualTo(0);
        }
    }

    /** Histories of 1..80 weeks: counts from zero to thousands, some weeks missing, runs of zeros. */
    @Provide
    Arbitrary<double[]> histories() {
        Arbitrary<Double> week = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 5000).map(Integer::doubleValue)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)));
        return week.array(double[].class).ofMinSize(1).ofMaxSize(80);
    }
}
