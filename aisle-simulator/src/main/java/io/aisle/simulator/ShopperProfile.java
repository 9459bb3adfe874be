package io.aisle.simulator;

import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ground truth about one simulated shopper, for tests and benchmarks that check a model recovers it.
 *
 * @param shopperId           the account id, or null for a shopper who never logs in
 * @param anonymousId         the device id every session carries
 * @param preferredCategories the categories the shopper mostly shops in, strongest first
 * @param categoryWeights     the share of sessions each category gets before seasons and sales, summing to 1
 * @param brandAffinities     brands the shopper favours, with a utility bonus of about 0.6 to 1.4
 * @param tasteVector         unit vector matched against hidden product vectors (see {@link ShopperSimulator#tasteVector})
 * @param priceSensitivity    1 is typical; 2 weighs price twice as heavily and is pulled twice as hard by discounts
 * @param sessionsPerWeek     the shopper's average visit rate before seasonality
 */
public record ShopperProfile(int index, ShopperId shopperId, AnonymousId anonymousId, List<String> preferredCategories,
                             Map<String, Double> categoryWeights, Map<String, Double> brandAffinities,
                             List<Double> tasteVector, double priceSensitivity, double sessionsPerWeek, String device,
                             String locale) {
    public ShopperProfile {
        preferredCategories = List.copyOf(preferredCategories);
        categoryWeights = Map.copyOf(categoryWeights);
        brandAffinities = Map.copyOf(brandAffinities);
        tasteVector = List.copyOf(tasteVector);
    }

    /** The {@link io.aisle.core.event.Actor#key()} values this shopper's events carry: account and device. */
    public List<String> actorKeys() {
        List<String> keys = new ArrayList<>(2);
        if (shopperId != null) keys.add("s:" + shopperId.value());
        keys.add("a:" + anonymousId.value());
        return keys;
    }
}
