package io.aisle.pricing;

import io.aisle.pricing.guard.Guardrails;
import io.aisle.pricing.guard.PriceLadder;
import io.aisle.pricing.guard.ProductInput;

import java.time.LocalDate;
import java.util.List;

/** Small builders shared by the pricing tests. */
final class Fixtures {
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);

    private Fixtures() {}

    static DemandModel curve(double refPrice, double elasticity) {
        return new DemandModel(refPrice, Math.log(100), 0.05, elasticity, 0.1, 0, 0, 0, 0, 0.2);
    }

    static Guardrails guardrails(Double minMargin, Double maxChange, PriceLadder ladder) {
        return new Guardrails(true, minMargin, maxChange, null, null, null, null, null, ladder, false);
    }

    static ProductInput product(String id, double cost, double current, Guardrails g) {
        return new ProductInput(id, cost, current, List.of(), null, null, null, null, g);
    }
}
