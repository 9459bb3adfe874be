package io.aisle.pricing.guard;

import io.aisle.pricing.DemandModel;
import io.aisle.pricing.MarketContext;
import io.aisle.pricing.Objective;
import io.aisle.pricing.PricingOptimizer;
import io.aisle.pricing.PricingRequest;
import io.aisle.pricing.Recommendation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random guardrail sets, products and demand curves: every recommended price keeps every guardrail, and when no
 * price can, the error names guardrails that really conflict (no cent price satisfies them all).
 */
class GuardrailProperties {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);
    private static final Set<String> NAMES = Set.of("cost-floor", "min-margin", "max-change", "min-advertised-price", "competitor-min",
            "competitor-max", "min-price", "max-price", "omnibus", "ladder", "family", "family-total", "family-per-unit");
    private final PricingOptimizer optimizer = new PricingOptimizer(64, 3);

    @Provide
    Arbitrary<Guardrails> guardrails() {
        Arbitrary<Double> margin = Arbitraries.doubles().between(0, 0.8).ofScale(2).injectNull(0.4);
        Arbitrary<Double> change = Arbitraries.doubles().between(0, 0.5).ofScale(2).injectNull(0.4);
        Arbitrary<Double> map = Arbitraries.doubles().between(0.5, 20).ofScale(2).injectNull(0.6);
        Arbitrary<Double> compMin = Arbitraries.doubles().between(0.5, 1.0).ofScale(2).injectNull(0.5);
        Arbitrary<Double> compMax = Arbitraries.doubles().between(1.0, 2.0).ofScale(2).injectNull(0.5);
        Arbitrary<Double> maxPrice = Arbitraries.doubles().between(1, 30).ofScale(2).injectNull(0.6);
        Arbitrary<PriceLadder> ladder = Arbitraries.of(PriceLadder.ANY_CENT, PriceLadder.endingIn(".99"), PriceLadder.endingIn("9"),
                PriceLadder.endingIn(".49", ".99"), new PriceLadder(List.of(), List.of(1.99, 4.99, 9.99, 14.99)));
        return Combinators.combine(margin, change, map, compMin, compMax, maxPrice, ladder, Arbitraries.of(true, false))
                .as((m, c, mp, lo, hi, max, l, promo) -> new Guardrails(true, m, c, mp, lo, hi, null, max, l, promo));
    }

    @Property(tries = 300)
    void recommendedPricesKeepEveryGuardrailOrTheConflictIsReal(@ForAll("guardrails") Guardrails g,
                                                                @ForAll @DoubleRange(min = 0.2, max = 10) double cost,
                                                                @ForAll @DoubleRange(min = 0.5, max = 20) double current,
                                                                @ForAll @DoubleRange(min = 0.5, max = 20) double competitor,
                                                                @ForAll @DoubleRange(min = -5, max = -0.3) double elasticity,
                                                                @ForAll @IntRange(min = 0, max = 40) int lowerDaysAgo,
                                                                @ForAll boolean risky) {
        double c = Math.round(cost * 100) / 100.0, cur = Math.round(current * 100) / 100.0, comp = Math.round(competitor * 100) / 100.0;
        List<PricePoint> history = List.of(new PricePoint(AS_OF.minusDays(lowerDaysAgo), Math.max(0.01, cur * 0.9)));
        ProductInput p = new ProductInput("p", c, cur, history, comp, null, null, null, g);
        DemandModel m = new DemandModel(cur, Math.log(50), 0.1, elasticity, 0.3, 0, 0, 0, 0, 0.3);
        PricingRequest request = new PricingRequest(AS_OF, new Objective.Profit(), risky ? 0.2 : 0, List.of(p));
        try {
            Recommendation r = optimizer.recommend(request, x -> m, x -> MarketContext.NEUTRAL).getFirst();
            assertThat(PriceBounds.of(p, AS_OF).violations(r.price())).isEmpty();
            assertThat(r.bindingGuardrails()).allMatch(NAMES::contains);
        } catch (InfeasibleGuardrailsException e) {
            assertThat(e.conflicting()).isNotEmpty().allMatch(NAMES::contains);
            assertThat(e.getMessage()).contains("product p").contains("conflict").contains(e.conflicting().getFirst());
            // The conflict is real: no cent price from 0.01 to 100.00 keeps every guardrail.
            PriceBounds bounds = PriceBounds.of(p, AS_OF);
            for (int cents = 1; cents <= 10_000; cents++) assertThat(bounds.violations(cents / 100.0)).isNotEmpty();
        }
    }

    @Property(tries = 150)
    void familiesStayConsistentAndInsideEachMembersGuardrails(@ForAll("guardrails") Guardrails g,
                                                              @ForAll @IntRange(min = 2, max = 4) int members,
                                                              @ForAll @DoubleRange(min = 0.3, max = 3) double unitCost,
                                                              @ForAll @DoubleRange(min = 1.0, max = 2.5) double markup,
                                                              @ForAll @DoubleRange(min = -4, max = -0.5) double elasticity) {
        List<ProductInput> family = new ArrayList<>();
        Map<String, DemandModel> models = new HashMap<>();
        for (int i = 0; i < members; i++) {
            double size = 1 << i;
            double cost = Math.round(unitCost * size * (1 - 0.05 * i) * 100) / 100.0;
            double current = Math.round(cost * markup * 100) / 100.0 + 0.01;
            String id = "m" + i;
            family.add(new ProductInput(id, cost, current, List.of(), current, "f", size, null, g));
            models.put(id, new DemandModel(current, Math.log(80 / size), 0.1, elasticity * (1 + 0.2 * i), 0.2, 0, 0, 0, 0, 0.3));
        }
        try {
            List<Recommendation> r = optimizer.recommend(new PricingRequest(AS_OF, new Objective.Profit(), 0, family),
                    x -> models.get(x.id()), x -> MarketContext.NEUTRAL);
            Map<String, Double> prices = new HashMap<>();
            for (int i = 0; i < members; i++) {
                prices.put(family.get(i).id(), r.get(i).price());
                assertThat(PriceBounds.of(family.get(i), AS_OF).violations(r.get(i).price())).isEmpty();
            }
            assertThat(FamilyRule.violations(family, prices)).isEmpty();
        } catch (InfeasibleGuardrailsException e) {
            assertThat(e.conflicting()).isNotEmpty().allMatch(NAMES::contains);
            assertThat(e.getMessage()).contains("conflict");
        }
    }

    @Property(tries = 100)
    void candidatesAreExactlyTheAdmissibleLadderPrices(@ForAll("guardrails") Guardrails g,
                                                       @ForAll @DoubleRange(min = 0.5, max = 8) double current) {
        double cur = Math.round(current * 100) / 100.0;
        ProductInput p = new ProductInput("p", cur * 0.5, cur, List.of(), cur, null, null, null, g);
        PriceBounds bounds = PriceBounds.of(p, AS_OF);
        List<Double> candidates;
        try {
            candidates = bounds.candidates();
        } catch (InfeasibleGuardrailsException e) {
            return;
        }
        double top = bounds.tightestUpper().value();
        for (int cents = 1; cents <= Math.min(3000, Math.floor(top * 100 + 1e-3)); cents++) {
            double price = cents / 100.0;
            assertThat(candidates.contains(price)).as("price %s", price).isEqualTo(bounds.violations(price).isEmpty());
        }
    }
}
