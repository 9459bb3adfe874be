package io.aisle.pricing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemandScenariosTest {
    private final DemandModel model = new DemandModel(2.0, Math.log(100), 0.05, -2.5, 0.2, 0.8, 2.0, 0.4, 0.2, 0.3);

    @Test
    void meanUnitsMatchTheLognormalMean() {
        DemandScenarios s = new DemandScenarios(model.pointAt(Math.log(100), -2.5), MarketContext.NEUTRAL, 20_000, 1);
        assertThat(s.outcome(2.0, 1.0, Double.NaN).units().mean()).isCloseTo(100 * Math.exp(0.045), within(1.5));
    }

    @Test
    void outcomesAreOrderedAndStockLimitsSales() {
        DemandScenarios s = new DemandScenarios(model, MarketContext.NEUTRAL, 2000, 2);
        SimulatedOutcome free = s.outcome(2.0, 1.0, Double.NaN);
        SimulatedOutcome tight = s.outcome(2.0, 1.0, 90);
        assertThat(free.units().p10()).isLessThan(free.units().p50()).isGreaterThan(0);
        assertThat(free.units().p50()).isLessThan(free.units().p90());
        assertThat(free.stockOutRisk()).isZero();
        assertThat(tight.stockOutRisk()).isBetween(0.4, 0.9);
        assertThat(tight.units().p90()).isEqualTo(90);
        assertThat(free.margin().mean()).isCloseTo(free.units().mean(), within(1e-6));
    }

    @Test
    void contextMovesDemand() {
        DemandScenarios base = new DemandScenarios(model, MarketContext.NEUTRAL, 500, 3);
        DemandScenarios deal = new DemandScenarios(model, new MarketContext(true, false, 0, 1.5), 500, 3);
        double b = base.outcome(2.0, 1.0, Double.NaN).units().mean();
        double d = deal.outcome(2.0, 1.0, Double.NaN).units().mean();
        // Deal lifts by e^0.4; the competitor's cut to 1.5 lowers by (1.5/2)^0.8.
        assertThat(d / b).isCloseTo(Math.exp(0.4) * Math.pow(0.75, 0.8), within(0.01));
    }

    @Test
    void cvarIsBelowTheMean() {
        DemandScenarios s = new DemandScenarios(model, MarketContext.NEUTRAL, 1000, 4);
        double mean = s.score(new Objective.Profit(), 2.0, 1.0, Double.NaN, 0);
        double cvar = s.score(new Objective.Profit(), 2.0, 1.0, Double.NaN, 0.1);
        assertThat(cvar).isLessThan(mean).isPositive();
    }
}
