package io.aisle.features.feature;

import io.aisle.core.event.EventName;
import io.aisle.core.feature.EntityKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.aisle.core.feature.EntityKind.ITEM;
import static io.aisle.core.feature.EntityKind.SHOPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeatureCatalogTest {

    @Test
    void the_standard_catalogue_covers_items_shoppers_categories_and_brands() {
        FeatureCatalog c = FeatureCatalog.standard();
        assertThat(c.of(ITEM)).extracting(FeatureDefinition::name)
                .contains("views_1h", "views_24h", "ctr_7d", "conversion_30d", "avg_dwell_ms_7d", "popularity_decayed");
        assertThat(c.of(SHOPPER)).extracting(FeatureDefinition::name)
                .contains("days_since_last_event", "days_since_last_purchase", "sessions_30d", "spend_30d", "spend_lifetime",
                        "engagement_decayed", "price_index_viewed_30d", "discount_share_purchased_lifetime");
        assertThat(c.of(EntityKind.SHOPPER_CATEGORY)).extracting(FeatureDefinition::name).contains("affinity");
        assertThat(c.of(EntityKind.SHOPPER_BRAND)).extracting(FeatureDefinition::name).contains("affinity");
        assertThat(c.all()).hasSize(c.of(ITEM).size() + c.of(SHOPPER).size() + c.of(EntityKind.SHOPPER_CATEGORY).size() + c.of(EntityKind.SHOPPER_BRAND).size());
    }

    @Test
    void refuses_a_name_defined_twice_for_one_kind() {
        assertThatThrownBy(() -> FeatureCatalog.of(List.of(
                FeatureDefinition.count("views", ITEM, Window.H24, EventName.VIEW_ITEM),
                FeatureDefinition.count("views", ITEM, Window.D7, EventName.VIEW_ITEM))))
                .hasMessageContaining("ITEM.views is defined twice");
        // The same name on another kind is fine.
        FeatureCatalog.of(List.of(FeatureDefinition.count("views", ITEM, Window.H24, EventName.VIEW_ITEM),
                FeatureDefinition.count("views", SHOPPER, Window.H24, EventName.VIEW_ITEM)));
    }

    @Test
    void refuses_references_to_later_or_unknown_features() {
        assertThatThrownBy(() -> FeatureCatalog.of(List.of(
                FeatureDefinition.ratio("ctr", ITEM, "clicks", "views", Window.H24),
                FeatureDefinition.count("clicks", ITEM, Window.H24, EventName.SELECT_ITEM),
                FeatureDefinition.count("views", ITEM, Window.H24, EventName.VIEW_ITEM))))
                .hasMessageContaining("ctr refers to 'clicks', which is not an earlier ITEM feature");
    }

    @Test
    void refuses_a_share_of_a_derived_feature_and_a_share_outside_shopper_kinds() {
        assertThatThrownBy(() -> FeatureCatalog.of(List.of(
                FeatureDefinition.count("a", EntityKind.SHOPPER_BRAND, Window.H24, EventName.VIEW_ITEM),
                FeatureDefinition.ratio("b", EntityKind.SHOPPER_BRAND, "a", "a", Window.H24),
                FeatureDefinition.share("c", EntityKind.SHOPPER_BRAND, "b", Window.H24))))
                .hasMessageContaining("must be a stateful feature");
        assertThatThrownBy(() -> FeatureDefinition.share("s", ITEM, "views", Window.H24)).hasMessageContaining("not for ITEM");
    }

    @Test
    void definitions_refuse_what_cannot_be_computed() {
        assertThatThrownBy(() -> FeatureDefinition.count("Views", ITEM, Window.H24, EventName.VIEW_ITEM)).hasMessageContaining("lower snake case");
        assertThatThrownBy(() -> FeatureDefinition.count("views", ITEM, Window.H24)).hasMessageContaining("at least one event name");
        assertThatThrownBy(() -> new FeatureDefinition("r", ITEM, Set.of(EventName.VIEW_ITEM), new Aggregation.Ratio("a", "b"), Window.H24))
                .hasMessageContaining("derived features take no events");
        assertThatThrownBy(() -> new FeatureDefinition("l", ITEM, Set.of(EventName.VIEW_ITEM), new Aggregation.Last(), Window.D7))
                .hasMessageContaining("LIFETIME");
        assertThatThrownBy(() -> FeatureDefinition.distinct("d", ITEM, DistinctKey.SESSION, 8, Window.decayed(Duration.ofDays(1)), EventName.VIEW_ITEM))
                .hasMessageContaining("cannot decay");
        assertThatThrownBy(() -> new Window.Sliding(Duration.ofHours(25), Duration.ofHours(2))).hasMessageContaining("multiple of its bucket");
        assertThatThrownBy(() -> new Window.Sliding(Duration.ofMinutes(1), Duration.ofSeconds(10))).hasMessageContaining("at least 1 minute");
    }

    @Test
    void window_suffixes_name_their_length() {
        assertThat(List.of(Window.H1, Window.H24, Window.D7, Window.D30, Window.LIFETIME, Window.decayed(Duration.ofDays(1))))
                .extracting(Window::suffix).containsExactly("1h", "24h", "7d", "30d", "lifetime", "decayed");
    }
}
