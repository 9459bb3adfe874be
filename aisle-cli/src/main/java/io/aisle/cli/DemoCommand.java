package io.aisle.cli;

import io.aisle.server.AisleServer;
import io.aisle.simulator.EventPacer;
import io.aisle.simulator.PacingClock;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;
import io.aisle.store.embedded.EmbeddedStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code aisle demo}: a server on a synthetic shop, with history and a live trickle of shoppers. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start Aisle on a synthetic shop: no data or keys needed.",
                "On first start it generates a catalogue and a history of simulated shoppers into the data",
                "directory; later starts reuse it. While it runs, simulated shoppers keep sending events."})
final class DemoCommand implements Callable<Integer> {
    @Mixin ServerOptions server;

    @Option(names = "--products", description = "Catalogue size on first start (default: ${DEFAULT-VALUE})", defaultValue = "2000")
    int products;

    @Option(names = "--shoppers", description = "Simulated shoppers in the history (default: ${DEFAULT-VALUE})", defaultValue = "1000")
    int shoppers;

    @Option(names = "--days", description = "Days of history before today (default: ${DEFAULT-VALUE})", defaultValue = "30")
    int days;

    @Option(names = "--rate", description = "Live events per second while running; 0 for none (default: ${DEFAULT-VALUE})", defaultValue = "5")
    double rate;

    @Option(names = "--seed", description = "Seed of the catalogue and history (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Override public Integer call() throws InterruptedException {
        SyntheticData.checkSize(products, shoppers, days);
        if (rate < 0 || rate > 10_000) throw new IllegalArgumentException("--rate: must be in 0..10000, got " + rate);

        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        SyntheticData shop = new SyntheticData(seed, products, shoppers, today.minus(Duration.ofDays(days)), Instant.now());
        // The shop is written before the server starts, so personalization's first replay sees the whole catalogue.
        DataDirOption data = new DataDirOption();
        data.dataDir = server.dataDir;
        try (EmbeddedStorage storage = data.open()) {
            seedIfEmpty(storage, shop);
        }
        AisleServer running = AisleServer.start(server.config());

        Thread live = rate > 0 ? Thread.ofVirtual().name("demo-shoppers").start(() -> streamLive(running.storage(), shop)) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (live != null) live.interrupt();
            running.close();
            stopped.countDown();
        }, "aisle-shutdown"));
        Banner.print(System.out, running);
        if (live != null) System.out.printf("  Simulated shoppers send about %.0f events/s; watch them at /console/events.%n%n", rate);
        stopped.await();
        return 0;
    }

    private void seedIfEmpty(EmbeddedStorage storage, SyntheticData shop) {
        long existing = storage.catalog().count();
        if (existing > 0) {
            System.out.printf("Using the shop in %s: %,d products, %,d events.%n", server.dataDir,
                    existing, storage.events().count());
            return;
        }
        System.out.printf("Creating a demo shop in %s (seed %d): %,d products, %,d shoppers over %d days.%n",
                server.dataDir, seed, products, shoppers, days);
        shop.writeCatalogue(storage.catalog(), System.out);
        long events = shop.writeEvents(storage.events(), System.out);
        System.out.printf("Demo shop ready: %,d products, %,d events.%n", storage.catalog().count(), events);
    }

    /** New shoppers from now on, stamped with the time they are sent; a fresh seed per start keeps their ids new. */
    private void streamLive(EmbeddedStorage storage, SyntheticData shop) {
        Instant now = Instant.now();
        var live = new ShopperSimulator(
                SimulationConfig.of(now.toEpochMilli(), Math.max(100, shoppers), now, now.plus(Duration.ofDays(365))),
                shop.shoppers().catalog());
        try {
            new EventPacer(PacingClock.system()).run(live.iterator(), rate, EventPacer.Timestamps.NOW, Long.MAX_VALUE,
                    e -> storage.events().append(List.of(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The server closing under the stream ends it; anything else is worth a line but must not stop the demo.
            if (!Thread.currentThread().isInterrupted()) System.err.println("demo shoppers stopped: " + e.getMessage());
        }
    }
}
