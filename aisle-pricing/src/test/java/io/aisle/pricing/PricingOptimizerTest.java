package io.aisle.pricing;

import io.aisle.pricing.guard.Guardrails;
import io.aisle.pricing.guard.PriceLadder;
import io.aisle.pricing.guard.PricePoint;
import io.aisle.pricing.guard.ProductInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aisle.pricing.Fixtures.AS_OF;
import static io.aisle.pricing.Fixtures.curve;
import static io.aisle.pricing.Fixtures.guardrails;
import static io.aisle.pricing.Fixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PricingOptimizerTest {
    private final PricingOptimizer optimizer = new PricingOptimizer(400, 7);

    private Recommendation one(ProductInput p, DemandModel m, Objective objective, double cvar) {
        return optimizer.recommend(new PricingRequest(AS_OF, objective, cvar, List.of(p)), x -> m, x -> MarketContext.NEUTRAL).getFirst();
    }

    @Test
    void profitOptimumOfConstantElasticityIsTheMarkupRule() {
        // With elasticity e the profit-maximising price is cost * e / (1 + e): 1.50 for cost 1 and e = -3.
        Recommendation r = one(product("a", 1.0, 1.4, Guardrails.COST_FLOOR_ONLY), curve(1.4, -3).pointAt(Math.log(100), -3), new Objective.Profit(), 0);
        assertThat(r.price()).isCloseTo(1.50, within(0.011));
        assertThat(r.bindingGuardrails()).isEmpty();
        assertThat(r.expected().units().p10()).isLessThan(r.expected().units().p50());
        assertThat(r.expected().units().p50()).isLessThan(r.expected().units().p90());
    }

    @Test
    void revenueObjectivePricesLowerThanProfit() {
        ProductInput p = product("a", 1.0, 1.4, guardrails(null, null, PriceLadder.ANY_CENT));
        DemandModel m = curve(1.4, -3);
        double profit = one(p, m, new Objective.Profit(), 0).price();
        double revenue = one(p, m, new Objective.Revenue(), 0).price();
        assertThat(revenue).isLessThan(profit);
        assertThat(revenue).isEqualTo(1.0); // the cost floor binds: elastic demand rewards every cut in revenue terms
    }

    @Test
    void maxChangeBindsAndIsNamed() {
        ProductInput p = product("a", 1.0, 2.0, guardrails(null, 0.1, PriceLadder.ANY_CENT));
        Recommendation r = one(p, curve(2.0, -3), new Objective.Profit(), 0);
        assertThat(r.price()).isEqualTo(1.80);
        assertThat(r.bindingGuardrails()).containsExactly("max-change");
        assertThat(r.referencePrice()).isEqualTo(2.0);
    }

    @Test
    void omnibusReferenceIsTheLowestPriceOfThePrevious30Days() {
        ProductInput p = new ProductInput("a", 1.0, 2.0, List.of(new PricePoint(AS_OF.minusDays(60), 1.5),
                new PricePoint(AS_OF.minusDays(35), 1.9), new PricePoint(AS_OF.minusDays(10), 2.0)), null, null, null, null,
                new Guardrails(true, null, null, null, null, null, null, null, PriceLadder.ANY_CENT, true));
        Recommendation r = one(p, curve(2.0, -1.5), new Objective.Profit(), 0);
        // Promotion: the price must undercut 1.90, still shown when the window opened; 1.50 ended before it.
        assertThat(r.referencePrice()).isEqualTo(1.9);
        assertThat(r.price()).isLessThanOrEqualTo(1.89);
        assertThat(r.bindingGuardrails()).contains("omnibus");
    }

    @Test
    void riskAversionNeverRaisesTheScoreAndStockCapsUnits() {
        ProductInput p = new ProductInput("a", 1.0, 1.4, List.of(), null, null, null, 60.0, Guardrails.COST_FLOOR_ONLY);
        DemandModel m = curve(1.4, -3);
        Recommendation mean = one(p, m, new Objective.Profit(), 0);
        Recommendation cvar = one(p, m, new Objective.Profit(), 0.1);
        assertThat(cvar.score()).isLessThan(mean.score());
        assertThat(mean.expected().units().p90()).isLessThanOrEqualTo(60.0);
        assertThat(mean.expected().stockOutRisk()).isBetween(0.0, 1.0);
    }

    @Test
    void sellThroughClearsStockByCuttingPrice() {
        ProductInput lots = new ProductInput("a", 1.0, 2.0, List.of(), null, null, null, 5000.0, Guardrails.COST_FLOOR_ONLY);
        ProductInput few = new ProductInput("a", 1.0, 2.0, List.of(), null, null, null, 200.0, Guardrails.COST_FLOOR_ONLY);
        DemandModel m = curve(2.0, -2);
        double manyUnits = one(lots, m, new Objective.SellThrough(4, 0), 0).price();
        double fewUnits = one(few, m, new Objective.SellThrough(4, 0), 0).price();
        assertThat(manyUnits).isLessThan(fewUnits);
    }

    @Test
    void familyKeepsBiggerPackNoCheaperAndNoDearerPerUnit() {
        Guardrails g = Guardrails.COST_FLOOR_ONLY;
        ProductInput small = new ProductInput("small", 1.0, 2.0, List.of(), null, "oj", 1.0, null, g);
        ProductInput big = new ProductInput("big", 1.0, 3.0, List.of(), null, "oj", 2.0, null, g);
        // Alone, the big pack's optimum (1.5) would undercut the small pack's (3.0 with e = -2).
        List<Recommendation> r = optimizer.recommend(new PricingRequest(AS_OF, new Objective.Profit(), 0, List.of(small, big)),
                x -> x.id().equals("small") ? curve(2.0, -2) : curve(3.0, -3), x -> MarketContext.NEUTRAL);
        double ps = r.get(0).price(), pb = r.get(1).price();
        assertThat(pb).isGreaterThanOrEqualTo(ps);
        assertThat(pb / 2).isLessThanOrEqualTo(ps);
        assertThat(r.get(0).bindingGuardrails().contains("family") || r.get(1).bindingGuardrails().contains("family")).isTrue();
    }
}
