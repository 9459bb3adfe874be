package io.aisle.features.segment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSegmentsTest {
    private final RuleSegments rules = new RuleSegments(RuleSegments.Thresholds.defaults());

    private List<String> names(Map<String, Double> f) {
        return rules.of(f).stream().map(s -> s.family() + ":" + s.name()).toList();
    }

    @Test void rfmTiersFollowTheStatedRules() {
        assertThat(names(Map.of())).containsExactly("rfm:browser", "lifecycle:new");
        assertThat(names(Map.of("purchases_lifetime", 5.0, "days_since_last_purchase", 3.0, "spend_lifetime", 900.0, "sessions_30d", 6.0)))
                .contains("rfm:champion", "lifecycle:returning");
        assertThat(names(Map.of("purchases_lifetime", 4.0, "days_since_last_purchase", 60.0, "spend_lifetime", 100.0)))
                .contains("rfm:loyal");
        assertThat(names(Map.of("purchases_lifetime", 3.0, "days_since_last_purchase", 200.0))).contains("rfm:at_risk");
        assertThat(names(Map.of("purchases_lifetime", 1.0, "days_since_last_purchase", 10.0))).contains("rfm:promising");
        assertThat(names(Map.of("purchases_lifetime", 1.0, "days_since_last_purchase", 120.0))).contains("rfm:hibernating");
    }

    @Test void priceSensitivityUsesPurchasesBeforeViewsAndExplainsItself() {
        var bargain = rules.of(Map.of("price_index_purchased_lifetime", 0.7, "price_index_viewed_30d", 1.5));
        assertThat(bargain).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("bargain_hunter");
            assertThat(s.explanation()).isEqualTo("bought prices average 70% of their category's median");
        });
        assertThat(names(Map.of("price_index_viewed_30d", 1.4))).contains("price:premium");
        assertThat(names(Map.of("price_index_viewed_30d", 1.0, "discount_share_purchased_lifetime", 0.8))).contains("price:bargain_hunter");
        assertThat(names(Map.of("price_index_viewed_30d", Double.NaN))).noneMatch(n -> n.startsWith("price:"));
    }
}
