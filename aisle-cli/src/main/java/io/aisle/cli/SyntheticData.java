package io.aisle.cli;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.port.EventLog;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import io.aisle.simulator.CatalogView;
import io.aisle.simulator.ShopperSimulator;
import io.aisle.simulator.SimulationConfig;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** A synthetic shop: the generated catalogue and the simulated shoppers over it, written in chunks with progress. */
final class SyntheticData {
    private static final int CHUNK = 2_000;

    private final CatalogGenerator catalogue;
    private final ShopperSimulator shoppers;

    SyntheticData(long seed, int products, int shopperCount, Instant start, Instant end) {
        this.catalogue = new CatalogGenerator(CatalogConfig.of(seed, products));
        this.shoppers = new ShopperSimulator(SimulationConfig.of(seed, shopperCount, start, end), CatalogView.of(catalogue));
    }

    /** Refuses sizes the simulator cannot honour, naming the command-line option. */
    static void checkSize(int products, int shoppers, int days) {
        if (products < 1 || products > CatalogConfig.MAX_SIZE) {
            throw new IllegalArgumentException("--products: must be in 1.." + CatalogConfig.MAX_SIZE + ", got " + products);
        }
        if (shoppers < 1) throw new IllegalArgumentException("--shoppers: must be at least 1, got " + shoppers);
        if (days < 1 || days > 3650) throw new IllegalArgumentException("--days: must be in 1..3650, got " + days);
    }

    CatalogGenerator catalogue() { return catalogue; }

    ShopperSimulator shoppers() { return shoppers; }

    /** Writes every product to the store and returns how many. */
    long writeCatalogue(CatalogStore store, PrintStream progressOut) {
        try (Progress progress = new Progress(progressOut, "products", catalogue.size())) {
            return inChunks(catalogue.iterator(), chunk -> {
                store.apply(chunk.stream().<CatalogChange>map(CatalogChange.Upsert::new).toList());
                progress.advance(chunk.size());
            });
        }
    }

    /** Appends every simulated event, in time order, to the log and returns how many. */
    long writeEvents(EventLog log, PrintStream progressOut) {
        try (Progress progress = new Progress(progressOut, "events", 0)) {
            return inChunks(shoppers.iterator(), chunk -> {
                log.append(chunk);
                progress.advance(chunk.size());
            });
        }
    }

    static <T> long inChunks(Iterator<T> items, Consumer<List<T>> sink) {
        long n = 0;
        List<T> chunk = new ArrayList<>(CHUNK);
        while (items.hasNext()) {
            chunk.add(items.next());
            if (chunk.size() == CHUNK) {
                sink.accept(List.copyOf(chunk));
                n += chunk.size();
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            sink.accept(List.copyOf(chunk));
            n += chunk.size();
        }
        return n;
    }
}
