package io.aisle.embeddings;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.ShopperEvent;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A small simulated shop for the behaviour tests: products, shoppers with ground truth, their events in time order. */
public final class Simulated {
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    public final CatalogView view;
    public final ShopperSimulator shoppers;
    public final List<ShopperEvent> events;

    public Simulated(int products, int shopperCount, int days) {
        view = CatalogView.of(new CatalogGenerator(CatalogConfig.of(42, products)));
        shoppers = new ShopperSimulator(SimulationConfig.of(7, shopperCount, START, START.plus(Duration.ofDays(days))), view);
        events = shoppers.events().toList();
    }

    public String categoryOf(ProductId id) { return view.categoryOf(id); }

    /** Chance that two items drawn from {@code ids} share a category: the sum of squared category shares. */
    public double chanceSameCategory(java.util.Collection<ProductId> ids) {
        Map<String, Long> counts = ids.stream().collect(Collectors.groupingBy(this::categoryOf, Collectors.counting()));
        double n = ids.size();
        return counts.values().stream().mapToDouble(c -> (c / n) * (c / n)).sum();
    }

}
