package io.aisle.pricing.guard;

import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfeasibleGuardrailsTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);

    private static Guardrails g(Double minMargin, Double maxChange, Double map, Double compMax, PriceLadder ladder, boolean promotion) {
        return new Guardrails(true, minMargin, maxChange, map, null, compMax, null, null, ladder, promotion);
    }

    @Test
    void marginAgainstMaxChangeNamesBoth() {
        ProductInput p = new ProductInput("juice", 9.0, 10.0, List.of(), null, null, null, null, g(0.3, 0.1, null, null, null, false));
        assertThatThrownBy(() -> PriceBounds.of(p, AS_OF).candidates())
                .isInstanceOf(InfeasibleGuardrailsException.class)
                .hasMessage("product juice: guardrails conflict: min-margin needs price >= 12.86 but max-change allows at most 11.00")
                .satisfies(e -> assertThat(((InfeasibleGuardrailsException) e).conflicting()).containsExactly("min-margin", "max-change"));
    }

    @Test
    void minimumAdvertisedPriceAgainstCompetitorCap() {
        ProductInput p = new ProductInput("juice", 1.0, 5.0, List.of(), 4.0, null, null, null, g(null, null, 5.5, 1.2, null, false));
        assertThatThrownBy(() -> PriceBounds.of(p, AS_OF).candidates())
                .hasMessageContaining("min-advertised-price needs price >= 5.50").hasMessageContaining("competitor-max allows at most 4.80");
    }

    @Test
    void ladderWithNoStepInsideTheRange() {
        ProductInput p = new ProductInput("juice", 1.0, 2.6, List.of(), null, null, null, null, g(null, 0.05, null, null, PriceLadder.endingIn(".99"), false));
        assertThatThrownBy(() -> PriceBounds.of(p, AS_OF).candidates())
                .hasMessageContaining("no price on the ladder endings [.99] lies between 2.47 (max-change) and 2.73 (max-change)");
    }

    @Test
    void promotionCannotUndercutTheOmnibusReferenceAboveTheMargin() {
        ProductInput p = new ProductInput("juice", 2.0, 3.0, List.of(new PricePoint(AS_OF.minusDays(12), 2.1)), null, null, null, null,
                g(0.1, null, null, null, null, true));
        assertThatThrownBy(() -> PriceBounds.of(p, AS_OF).candidates())
                .hasMessageContaining("min-margin needs price >= 2.22").hasMessageContaining("omnibus allows at most 2.09");
    }

    @Test
    void familyConflictNamesBothPacks() {
        Guardrails small = new Guardrails(true, null, null, null, null, null, 3.0, 3.2, null, false);
        Guardrails big = new Guardrails(true, null, null, null, null, null, 1.0, 2.5, null, false);
        ProductInput a = new ProductInput("one-litre", 1.0, 3.0, List.of(), null, "oj", 1.0, null, small);
        ProductInput b = new ProductInput("two-litre", 1.0, 2.0, List.of(), null, "oj", 2.0, null, big);
        List<ProductInput> sorted = FamilyRule.ordered(List.of(b, a));
        List<List<Double>> candidates = sorted.stream().map(x -> PriceBounds.of(x, AS_OF).candidates()).toList();
        List<double[]> scores = candidates.stream().map(c -> new double[c.size()]).toList();
        assertThatThrownBy(() -> FamilyRule.choose(sorted, candidates, scores))
                .isInstanceOf(InfeasibleGuardrailsException.class)
                .hasMessageContaining("family oj").hasMessageContaining("one-litre").hasMessageContaining("two-litre");
    }

    @Test
    void badGuardrailValuesNameTheField() {
        assertThatThrownBy(() -> g(1.2, null, null, null, null, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("guardrails.min_margin");
        assertThatThrownBy(() -> new Guardrails(true, null, null, null, 1.5, 1.1, null, null, null, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("guardrails.competitor_min");
        assertThatThrownBy(() -> PriceLadder.endingIn("99c")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("guardrails.ladder.endings");
    }
}
