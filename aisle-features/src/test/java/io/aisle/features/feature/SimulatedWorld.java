package io.aisle.features.feature;

import io.aisle.core.catalog.Product;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** A small simulated shop (catalogue and shopper events), shared by the tests and built once. */
record SimulatedWorld(List<Product> products, ItemCatalog items, List<ShopperEvent> events, Instant start, Instant end) {

    /** 1,500 products, 150 shoppers, October and November 2025 (Black Friday included): about 30k events. */
    static final SimulatedWorld SMALL = build(42, 1_500, 150, Instant.parse("2025-10-01T00:00:00Z"), Instant.parse("2025-12-01T00:00:00Z"));

    static SimulatedWorld build(long seed, int productCount, int shoppers, Instant start, Instant end) {
        List<Product> products = new CatalogGenerator(CatalogConfig.of(seed, productCount)).products().toList();
        ShopperSimulator sim = new ShopperSimulator(SimulationConfig.of(seed + 1, shoppers, start, end), CatalogView.of(products));
        return new SimulatedWorld(products, ItemCatalog.of(products), sim.events().toList(), start, end);
    }

    /** The events as logged in timestamp order (the simulator's order): offsets 1, 2, ... */
    List<LoggedEvent> inTimeOrder() { return log(events); }

    /**
     * The events as a log receives them from real clients: each delayed by up to {@code jitter}, a share of them by
     * {@code lateBy} more (a phone that was offline), logged in arrival order.
     */
    List<LoggedEvent> inArrivalOrder(long seed, Duration jitter, double lateShare, Duration lateBy) {
        SplittableRandom random = new SplittableRandom(seed);
        record Arrival(long at, int index) {}
        List<Arrival> arrivals = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            long delay = random.nextLong(jitter.toMillis() + 1) + (random.nextDouble() < lateShare ? lateBy.toMillis() : 0);
            arrivals.add(new Arrival(events.get(i).timestamp().toEpochMilli() + delay, i));
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at).thenComparingInt(Arrival::index));
        return log(arrivals.stream().map(a -> events.get(a.index())).toList());
    }

    static List<LoggedEvent> log(List<ShopperEvent> events) {
        List<LoggedEvent> out = new ArrayList<>(events.size());
        for (ShopperEvent e : events) out.add(new LoggedEvent(out.size() + 1, e.timestamp(), e));
        return out;
    }
}
