package io.aisle.features.graph;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.replay.Projection;
import io.aisle.core.replay.ProjectionRunner;
import io.aisle.features.session.Sessionizer;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prints how fast the activity graph and the sessionizer ingest simulated events on one thread, and the heap they hold.
 * Not a test: run it by hand (command in the module README). Arguments: shoppers for the speed runs (default 2,000:
 * about two million events over 2025, held in memory so only ingestion is timed), shoppers for the memory run
 * (default 10,000: about ten million events streamed in pages of 5,000), catalogue size (default 50,000).
 *
 * <p>Speed is reported as wall-clock and as the ingesting thread's CPU time: on a shared machine the second is the
 * steadier figure.
 */
public final class GraphSpeed {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-01-01T00:00:00Z");

    private GraphSpeed() {}

    public static void main(String[] args) {
        int speedShoppers = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int memoryShoppers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int products = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        System.out.printf("cores %d, max heap %d MiB, %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name") + " " + Runtime.version());
        List<Product> catalogue = new CatalogGenerator(CatalogConfig.of(1, products)).products().toList();
        Map<ProductId, Product> byId = new HashMap<>();
        for (Product p : catalogue) byId.put(p.id(), p);
        Function<ProductId, Optional<Product>> lookup = id -> Optional.ofNullable(byId.get(id));
        CatalogView view = CatalogView.of(catalogue);

        List<LoggedEvent> log = new ArrayList<>();
        for (Iterator<ShopperEvent> it = simulator(speedShoppers, view).iterator(); it.hasNext(); ) {
            ShopperEvent e = it.next();
            log.add(new LoggedEvent(log.size() + 1, e.timestamp(), e));
        }
        System.out.printf("speed: %,d events of %,d shoppers over 2025, %,d products, in memory%n", log.size(), speedShoppers,
                products);
        ActivityGraph graph = new ActivityGraph(GraphConfig.defaults(), SignalWeights.defaults(), lookup);
        Sessionizer sessions = new Sessionizer();
        for (int run = 0; run < 5; run++) {   // the first two warm the JIT
            time("activity graph", graph, log, run >= 2);
            time("sessionizer", sessions, log, run >= 2);
        }
        long t0 = System.nanoTime();
        long found = 0;
        for (int i = 0; i < 100_000; i++) {
            found += graph.neighbours(ProductId.of(CatalogGenerator.productId(i % products)), 20).size();
        }
        System.out.printf("  neighbours(item, 20): %.1f us per query (%,d results)%n", (System.nanoTime() - t0) / 1e3 / 100_000,
                found);
        log = null;
        graph = null;
        sessions = null;

        memory(memoryShoppers, view, lookup);
    }

    private static void time(String what, Projection p, List<LoggedEvent> log, boolean report) {
        p.reset();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int from = 0; from < log.size(); from += ProjectionRunner.DEFAULT_PAGE) {
            p.applyAll(log.subList(from, Math.min(log.size(), from + ProjectionRunner.DEFAULT_PAGE)));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        if (report) {
            System.out.printf("  %-15s %,10.0f events/s wall, %,10.0f events/s thread CPU%n", what, log.size() / wall, log.size() / cpu);
        }
    }

    private static void memory(int shoppers, CatalogView view, Function<ProductId, Optional<Product>> lookup) {
        long baseline = usedAfterGc();
        ActivityGraph graph = new ActivityGraph(GraphConfig.defaults(), SignalWeights.defaults(), lookup);
        Sessionizer sessions = new Sessionizer();
        long events = 0, graphNanos = 0;
        List<LoggedEvent> page = new ArrayList<>(ProjectionRunner.DEFAULT_PAGE);
        for (Iterator<ShopperEvent> it = simulator(shoppers, view).iterator(); it.hasNext(); ) {
            ShopperEvent e = it.next();
            page.add(new LoggedEvent(++events, e.timestamp(), e));
            if (page.size() == ProjectionRunner.DEFAULT_PAGE || !it.hasNext()) {
                long t0 = System.nanoTime();
                graph.applyAll(page);
                graphNanos += System.nanoTime() - t0;
                sessions.applyAll(page);
                page.clear();
            }
        }
        GraphStats stats = graph.stats();
        System.out.printf("memory: %,d events of %,d shoppers streamed in pages of %,d (graph ingest %,.0f events/s wall)%n",
                events, shoppers, ProjectionRunner.DEFAULT_PAGE, events / (graphNanos / 1e9));
        System.out.println("  graph: " + stats.items() + " items, " + stats.actors() + " actor keys, " + stats.queries()
                + " queries, " + stats.categories() + " categories; edges " + stats.edges() + ", " + stats.totalEdges() + " in all");
        long actorBytes = graph.actorBytes() / Math.max(1, stats.actors());
        int sessionActors = sessions.actorCount();
        // Hold both through an array, not locals: a JIT-compiled frame may treat a local as dead before its last line.
        Object[] held = {graph, sessions};
        graph = null;
        sessions = null;
        long both = usedAfterGc();
        held[1] = null;
        long graphOnly = usedAfterGc();
        Reference.reachabilityFence(held);
        System.out.printf("  heap held: activity graph %,d MiB (%,d bytes per edge entry, everything included), sessionizer %,d MiB "
                        + "(%,d actors, %,d bytes each)%n", (graphOnly - baseline) >> 20,
                (graphOnly - baseline) / Math.max(1, stats.totalEdges()), (both - graphOnly) >> 20, sessionActors,
                (both - graphOnly) / Math.max(1, sessionActors));
        System.out.printf("  graph actor nodes: %,d bytes each in edge arrays on average%n", actorBytes);
    }

    private static ShopperSimulator simulator(int shoppers, CatalogView view) {
        return new ShopperSimulator(SimulationConfig.of(1, shoppers, START, END), view);
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
