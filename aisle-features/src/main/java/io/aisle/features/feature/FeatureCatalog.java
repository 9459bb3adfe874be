package io.aisle.features.feature;

import io.aisle.core.event.EventName;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.feature.EntityKind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.aisle.core.event.EventName.ADD_TO_CART;
import static io.aisle.core.event.EventName.DWELL;
import static io.aisle.core.event.EventName.IMAGE_ZOOM;
import static io.aisle.core.event.EventName.PURCHASE;
import static io.aisle.core.event.EventName.REFUND;
import static io.aisle.core.event.EventName.REMOVE_FROM_CART;
import static io.aisle.core.event.EventName.SELECT_ITEM;
import static io.aisle.core.event.EventName.VIEW_ITEM;
import static io.aisle.core.event.EventName.VIEW_ITEM_LIST;
import static io.aisle.core.feature.EntityKind.ITEM;
import static io.aisle.core.feature.EntityKind.SHOPPER;
import static io.aisle.core.feature.EntityKind.SHOPPER_BRAND;
import static io.aisle.core.feature.EntityKind.SHOPPER_CATEGORY;
import static io.aisle.features.feature.FeatureDefinition.avg;
import static io.aisle.features.feature.FeatureDefinition.count;
import static io.aisle.features.feature.FeatureDefinition.daysSince;
import static io.aisle.features.feature.FeatureDefinition.distinct;
import static io.aisle.features.feature.FeatureDefinition.ratio;
import static io.aisle.features.feature.FeatureDefinition.share;
import static io.aisle.features.feature.FeatureDefinition.sum;

/** A validated, ordered set of feature definitions; {@link #standard()} is the set Aisle ships. */
public final class FeatureCatalog {
    /** Events that say something about items (non-zero signal weight). */
    private static final EventName[] SIGNALS = {VIEW_ITEM, SELECT_ITEM, IMAGE_ZOOM, DWELL, ADD_TO_CART, REMOVE_FROM_CART, PURCHASE, REFUND};

    private final List<FeatureDefinition> all;
    private final Map<EntityKind, List<FeatureDefinition>> byKind;

    private FeatureCatalog(List<FeatureDefinition> all, Map<EntityKind, List<FeatureDefinition>> byKind) {
        this.all = all;
        this.byKind = byKind;
    }

    /**
     * Validates and seals definitions: names unique per entity kind; a ratio's inputs and a share's part defined
     * earlier for the same kind (so there are no cycles); a share's part stateful.
     */
    public static FeatureCatalog of(List<FeatureDefinition> definitions) {
        Map<EntityKind, List<FeatureDefinition>> byKind = new EnumMap<>(EntityKind.class);
        Map<EntityKind, Map<String, FeatureDefinition>> names = new EnumMap<>(EntityKind.class);
        for (EntityKind k : EntityKind.values()) {
            byKind.put(k, new ArrayList<>());
            names.put(k, new HashMap<>());
        }
        for (FeatureDefinition d : definitions) {
            Map<String, FeatureDefinition> known = names.get(d.entity());
            if (known.containsKey(d.name())) throw new IllegalArgumentException("feature " + d.entity() + "." + d.name() + " is defined twice");
            switch (d.aggregation()) {
                case Aggregation.Ratio r -> {
                    requireEarlier(d, r.numerator(), known);
                    requireEarlier(d, r.denominator(), known);
                }
                case Aggregation.Share s -> {
                    if (requireEarlier(d, s.part(), known).aggregation().derived()) {
                        throw new IllegalArgumentException(d.name() + ": the part of a share must be a stateful feature, '" + s.part() + "' is derived");
                    }
                }
                default -> { }
            }
            known.put(d.name(), d);
            byKind.get(d.entity()).add(d);
        }
        byKind.replaceAll((k, list) -> List.copyOf(list));
        return new FeatureCatalog(List.copyOf(definitions), byKind);
    }

    private static FeatureDefinition requireEarlier(FeatureDefinition d, String ref, Map<String, FeatureDefinition> known) {
        FeatureDefinition found = known.get(ref);
        if (found == null) throw new IllegalArgumentException(d.name() + " refers to '" + ref + "', which is not an earlier " + d.entity() + " feature");
        return found;
    }

    /** The standard set with the default signal weights (30-day affinity half-life). */
    public static FeatureCatalog standard() { return standard(SignalWeights.defaults()); }

    /** The standard set; affinities decay with the half-life of {@code weights}. */
    public static FeatureCatalog standard(SignalWeights weights) {
        List<FeatureDefinition> d = new ArrayList<>();
        Duration affinityHalfLife = weights.halfLife();
        // Items: funnel counts over four windows, rates between them, dwell, and a decayed popularity score.
        d.add(count("views_1h", ITEM, Window.H1, VIEW_ITEM));
        for (Window.Sliding w : List.of(Window.H24, Window.D7, Window.D30)) {
            String s = w.suffix();
            d.add(count("views_" + s, ITEM, w, VIEW_ITEM));
            d.add(count("impressions_" + s, ITEM, w, VIEW_ITEM_LIST));
            d.add(count("clicks_" + s, ITEM, w, SELECT_ITEM));
            d.add(count("carts_" + s, ITEM, w, ADD_TO_CART));
            d.add(count("purchases_" + s, ITEM, w, PURCHASE));
            d.add(ratio("ctr_" + s, ITEM, "clicks_" + s, "impressions_" + s, w));
            d.add(ratio("cart_rate_" + s, ITEM, "carts_" + s, "views_" + s, w));
            d.add(ratio("conversion_" + s, ITEM, "purchases_" + s, "views_" + s, w));
        }
        d.add(sum("units_sold_30d", ITEM, Measure.UNITS, Window.D30, PURCHASE));
        d.add(sum("revenue_30d", ITEM, Measure.REVENUE, Window.D30, PURCHASE));
        d.add(count("refunds_30d", ITEM, Window.D30, REFUND));
        d.add(ratio("refund_rate_30d", ITEM, "refunds_30d", "purchases_30d", Window.D30));
        d.add(avg("avg_dwell_ms_7d", ITEM, Measure.DWELL_MS, Window.D7, DWELL));
        d.add(avg("avg_dwell_ms_30d", ITEM, Measure.DWELL_MS, Window.D30, DWELL));
        d.add(sum("popularity_decayed", ITEM, Measure.SIGNAL_WEIGHT, Window.decayed(Duration.ofDays(7)), SIGNALS));
        d.add(daysSince("days_since_last_purchase", ITEM, PURCHASE));

        // Shoppers: recency, frequency, monetary value, engagement, breadth and price sensitivity.
        EventName[] active = EnumSet.complementOf(EnumSet.of(REFUND)).toArray(EventName[]::new); // refunds come from the back office
        d.add(daysSince("days_since_last_event", SHOPPER, active));
        d.add(daysSince("days_since_last_purchase", SHOPPER, PURCHASE));
        d.add(distinct("sessions_30d", SHOPPER, DistinctKey.SESSION, 64, Window.D30, active));
        d.add(count("views_30d", SHOPPER, Window.D30, VIEW_ITEM));
        d.add(count("purchases_30d", SHOPPER, Window.D30, PURCHASE));
        d.add(count("purchases_lifetime", SHOPPER, Window.LIFETIME, PURCHASE));
        d.add(sum("spend_30d", SHOPPER, Measure.REVENUE, Window.D30, PURCHASE));
        d.add(sum("spend_lifetime", SHOPPER, Measure.REVENUE, Window.LIFETIME, PURCHASE));
        d.add(sum("refunded_lifetime", SHOPPER, Measure.REVENUE, Window.LIFETIME, REFUND));
        d.add(ratio("avg_order_value_lifetime", SHOPPER, "spend_lifetime", "purchases_lifetime", Window.LIFETIME));
        d.add(sum("engagement_decayed", SHOPPER, Measure.SIGNAL_WEIGHT, Window.decayed(affinityHalfLife), SIGNALS));
        d.add(sum("dwell_ms_7d", SHOPPER, Measure.DWELL_MS, Window.D7, DWELL));
        d.add(avg("avg_dwell_ms_30d", SHOPPER, Measure.DWELL_MS, Window.D30, DWELL));
        d.add(distinct("distinct_items_viewed_7d", SHOPPER, DistinctKey.ITEM, 64, Window.D7, VIEW_ITEM));
        d.add(distinct("distinct_categories_30d", SHOPPER, DistinctKey.CATEGORY, 32, Window.D30, VIEW_ITEM));
        d.add(avg("price_index_viewed_30d", SHOPPER, Measure.PRICE_INDEX, Window.D30, VIEW_ITEM));
        d.add(avg("price_index_purchased_lifetime", SHOPPER, Measure.PRICE_INDEX, Window.LIFETIME, PURCHASE));
        d.add(avg("discount_share_purchased_lifetime", SHOPPER, Measure.DISCOUNTED, Window.LIFETIME, PURCHASE));

        // A shopper's categories and brands: decayed signal weight and its share, the affinity. Kept small: a
        // shopper has a handful of categories but often a dozen brands.
        for (EntityKind k : List.of(SHOPPER_CATEGORY, SHOPPER_BRAND)) {
            d.add(sum("signal_decayed", k, Measure.SIGNAL_WEIGHT, Window.decayed(affinityHalfLife), SIGNALS));
            d.add(share("affinity", k, "signal_decayed", Window.decayed(affinityHalfLife)));
            d.add(count("purchases_lifetime", k, Window.LIFETIME, PURCHASE));
            d.add(daysSince("days_since_last_signal", k, SIGNALS));
        }
        d.add(count("views_30d", SHOPPER_CATEGORY, Window.D30, VIEW_ITEM));
        return of(d);
    }

    /** Every definition, in declaration order. */
    public List<FeatureDefinition> all() { return all; }

    /** The definitions of one entity kind, in declaration order: the order of a vector's values. */
    public List<FeatureDefinition> of(EntityKind kind) { return byKind.get(kind); }

    public Optional<FeatureDefinition> find(EntityKind kind, String name) {
        return byKind.get(kind).stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
