package io.aisle.pricing.elasticity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HierarchicalElasticityTest {
    /** Products a (-2) and b (-3) with store elasticities spread 0.3 around them; c never changes its price. */
    private static List<SalesObservation> panel(long seed) {
        Random rng = new Random(seed);
        List<SalesObservation> rows = new ArrayList<>();
        String[] products = {"a", "b", "c"};
        double[] elasticity = {-2, -3, -2.5};
        for (int p = 0; p < 3; p++) {
            for (int s = 0; s < 20; s++) {
                double e = elasticity[p] + 0.3 * rng.nextGaussian();
                double level = 5 + rng.nextGaussian();
                for (int w = 0; w < 60; w++) {
                    double price = p == 2 ? 2.0 : 2.0 * Math.exp(0.12 * rng.nextGaussian());
                    boolean deal = rng.nextDouble() < 0.2;
                    double y = level + e * Math.log(price / 2.0) + (deal ? 0.5 : 0) + 0.2 * Math.sin(2 * Math.PI * w / 52.0)
                            + 0.3 * rng.nextGaussian();
                    rows.add(new SalesObservation("s" + s, products[p], w, price, y, deal, false, Double.NaN));
                }
            }
        }
        return rows;
    }

    @Test
    void recoversProductElasticitiesAndControls() {
        ElasticityFit fit = new HierarchicalElasticity(HierarchicalElasticity.Options.DEFAULT).fit(panel(1));
        ProductFit a = fit.product("a"), b = fit.product("b");
        assertThat(a.elasticity().mean()).isCloseTo(-2, within(0.25));
        assertThat(b.elasticity().mean()).isCloseTo(-3, within(0.25));
        assertThat(a.elasticity().lo(3)).isLessThan(-2);
        assertThat(a.elasticity().hi(3)).isGreaterThan(-2);
        assertThat(a.dealLift()).isCloseTo(0.5, within(0.05));
        assertThat(a.storeSpread()).isCloseTo(0.3, within(0.2));
        assertThat(a.unitsWithVariation()).isEqualTo(20);
    }

    @Test
    void productWithoutPriceVariationFallsBackToTheCategoryPrior() {
        ElasticityFit fit = new HierarchicalElasticity(HierarchicalElasticity.Options.DEFAULT).fit(panel(2));
        ProductFit c = fit.product("c");
        assertThat(c.unitsWithVariation()).isZero();
        assertThat(c.elasticity().fromPriorOnly()).isTrue();
        assertThat(c.elasticity().mean()).isEqualTo(fit.categoryMean());
        assertThat(c.elasticity().sd()).isGreaterThan(fit.product("a").elasticity().sd());
        UnitFit unit = fit.unit("s0", "c");
        assertThat(unit.elasticity().fromPriorOnly()).isTrue();
        assertThat(unit.elasticity().sd()).isGreaterThan(c.elasticity().sd());
    }

    @Test
    void poolingShrinksStoreSlopesTowardTheirProduct() {
        ElasticityFit fit = new HierarchicalElasticity(HierarchicalElasticity.Options.DEFAULT).fit(panel(3));
        double rawSpread = 0, pooledSpread = 0;
        double product = fit.product("a").elasticity().mean();
        for (int s = 0; s < 20; s++) {
            ElasticityEstimate e = fit.unit("s" + s, "a").elasticity();
            rawSpread += Math.pow(e.rawSlope() - product, 2);
            pooledSpread += Math.pow(e.mean() - product, 2);
            assertThat(e.sd()).isLessThan(e.rawSe());
        }
        assertThat(pooledSpread).isLessThan(rawSpread);
    }

    @Test
    void priceModelPredictsBetterThanNoPriceModelOnLaterWeeks() {
        List<SalesObservation> rows = panel(4);
        List<SalesObservation> train = rows.stream().filter(o -> o.week() < 45).toList();
        List<SalesObservation> test = rows.stream().filter(o -> o.week() >= 45 && !o.product().equals("c")).toList();
        double withPrice = rmse(new HierarchicalElasticity(HierarchicalElasticity.Options.DEFAULT).fit(train), test);
        double noPrice = rmse(new HierarchicalElasticity(HierarchicalElasticity.Options.NO_PRICE).fit(train), test);
        assertThat(withPrice).isLessThan(noPrice);
        assertThat(withPrice).isCloseTo(0.3, within(0.05));
    }

    private static double rmse(ElasticityFit fit, List<SalesObservation> test) {
        double sse = 0;
        for (SalesObservation o : test) sse += Math.pow(o.logUnits() - fit.predictLogUnits(o), 2);
        return Math.sqrt(sse / test.size());
    }
}
