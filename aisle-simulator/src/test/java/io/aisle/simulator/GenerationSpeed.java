package io.aisle.simulator;

import io.aisle.core.catalog.Product;
import io.aisle.core.event.ShopperEvent;

import java.time.Instant;
import java.util.Iterator;

/**
 * Prints how fast the simulator generates products and events, and the heap it needed. Not a test: run it by hand
 * (the command is in the module README). Arguments: products (default 1,000,000), shoppers (default 10,000, about
 * ten million events over the year 2025), catalogue size for the shopper run (default 50,000).
 */
public final class GenerationSpeed {
    private GenerationSpeed() {}

    public static void main(String[] args) {
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int shoppers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int catalogue = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        System.out.printf("cores %d, max heap %d MiB, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name") + " " + Runtime.version());

        // Warm the JIT first: the first hundred thousand products run several times slower than the rest.
        long warm = new CatalogGenerator(CatalogConfig.of(2, 100_000)).products().mapToLong(p -> p.title().length()).sum();
        CatalogView warmView = CatalogView.of(new CatalogGenerator(CatalogConfig.of(2, 5_000)));
        warm += new ShopperSimulator(SimulationConfig.of(2, 300, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-07-01T00:00:00Z")), warmView).events().count();

        CatalogGenerator generator = new CatalogGenerator(CatalogConfig.of(1, products));
        long t0 = System.nanoTime();
        long chars = 0;
        for (Iterator<Product> it = generator.iterator(); it.hasNext(); ) chars += it.next().description().length();
        report("products (one thread)", products, t0, chars);
        t0 = System.nanoTime();
        chars = generator.products().parallel().mapToLong(p -> p.description().length()).sum();
        report("products (parallel)", products, t0, chars);

        t0 = System.nanoTime();
        CatalogView view = CatalogView.of(new CatalogGenerator(CatalogConfig.of(1, catalogue)));
        System.out.printf("catalogue view of %,d products built in %.1f s%n", catalogue, (System.nanoTime() - t0) / 1e9);
        SimulationConfig config = SimulationConfig.of(1, shoppers, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"));
        ShopperSimulator simulator = new ShopperSimulator(config, view);
        long peak = 0;
        long events = 0;
        chars = 0;
        t0 = System.nanoTime();
        for (Iterator<ShopperEvent> it = simulator.iterator(); it.hasNext(); ) {
            chars += it.next().id().value().length();
            if (++events % 1_000_000 == 0) peak = Math.max(peak, usedHeap());
        }
        report("events (global time order)", events, t0, chars);
        System.out.printf("  heap in use, sampled every million events: at most %d MiB%n", peak >> 20);
        t0 = System.nanoTime();
        var ids = simulator.eventsByShopper().parallel().mapToLong(e -> e.id().value().length()).summaryStatistics();
        report("events (by shopper, parallel)", ids.getCount(), t0, ids.getSum());
        System.out.println("(warm-up checksum " + warm % 1000 + ")");
    }

    private static void report(String what, long count, long startNanos, long checksum) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-32s %,12d in %6.1f s = %,10.0f /s   (checksum %d)%n", what, count, seconds, count / seconds, checksum % 1000);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
