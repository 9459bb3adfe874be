package io.aisle.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.json.EventJson;
import io.aisle.core.json.Json;
import io.aisle.core.json.ProductJson;
import io.aisle.simulator.ShopperProfile;
import io.aisle.store.embedded.EmbeddedStorage;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.concurrent.Callable;

/** {@code aisle simulate}: a synthetic catalogue and shopper history, as files or straight into a data directory. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic catalogue and the events of simulated shoppers over it.",
                "Same seed, same output. With --out DIR it writes catalog.jsonl, events.jsonl (the wire format,",
                "ready for 'aisle import') and shoppers.jsonl (each shopper's hidden tastes, the ground truth",
                "for benchmarks); with --data-dir it writes the catalogue and events into that data directory."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--products", description = "Catalogue size (default: ${DEFAULT-VALUE})", defaultValue = "10000")
    int products;

    @Option(names = "--shoppers", description = "Number of shoppers (default: ${DEFAULT-VALUE})", defaultValue = "1000")
    int shoppers;

    @Option(names = "--start", description = "First day, YYYY-MM-DD in UTC (default: ${DEFAULT-VALUE})", defaultValue = "2025-01-01")
    String start;

    @Option(names = "--days", description = "Days simulated (default: ${DEFAULT-VALUE})", defaultValue = "90")
    int days;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @ArgGroup(exclusive = true) Target target = new Target();

    static final class Target {
        @Option(names = "--out", paramLabel = "DIR", description = "Write JSONL files into this directory") Path out;
        @Option(names = "--data-dir", paramLabel = "DIR", description = "Write into this data directory (default: ./aisle-data)") Path dataDir;
    }

    @Override public Integer call() throws IOException {
        SyntheticData.checkSize(products, shoppers, days);
        Instant from;
        try {
            from = LocalDate.parse(start).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--start: '" + start + "' is not a date like 2025-01-01");
        }
        SyntheticData shop = new SyntheticData(seed, products, shoppers, from, from.plus(Duration.ofDays(days)));
        if (target.out != null) writeFiles(shop, target.out);
        else writeStorage(shop, target.dataDir != null ? target.dataDir : Path.of("./aisle-data"));
        return 0;
    }

    private void writeFiles(SyntheticData shop, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = Json.mapper();
        ProductJson products = new ProductJson(mapper);
        EventJson events = new EventJson(mapper, Clock.systemUTC());
        long productCount;
        try (Progress progress = new Progress(System.err, "products", shop.catalogue().size())) {
            productCount = writeLines(dir.resolve("catalog.jsonl"), mapper, shop.catalogue().iterator(), p -> {
                progress.advance(1);
                return products.encode(p);
            });
        }
        long eventCount;
        try (Progress progress = new Progress(System.err, "events", 0)) {
            eventCount = writeLines(dir.resolve("events.jsonl"), mapper, shop.shoppers().iterator(), e -> {
                progress.advance(1);
                return events.encode(e);
            });
        }
        writeLines(dir.resolve("shoppers.jsonl"), mapper, shop.shoppers().profiles().iterator(), p -> profile(mapper, p));
        System.out.printf("wrote %,d products, %,d events and %,d shoppers to %s%n", productCount, eventCount, shoppers, dir);
    }

    /** A shopper's ground truth in the same snake_case as the wire format. */
    private static ObjectNode profile(ObjectMapper mapper, ShopperProfile p) {
        ObjectNode o = mapper.createObjectNode();
        o.put("index", p.index());
        if (p.shopperId() != null) o.put("shopper_id", p.shopperId().value());
        if (p.anonymousId() != null) o.put("anonymous_id", p.anonymousId().value());
        o.set("preferred_categories", mapper.valueToTree(p.preferredCategories()));
        o.set("category_weights", mapper.valueToTree(p.categoryWeights()));
        o.set("brand_affinities", mapper.valueToTree(p.brandAffinities()));
        o.set("taste_vector", mapper.valueToTree(p.tasteVector()));
        o.put("price_sensitivity", p.priceSensitivity());
        o.put("sessions_per_week", p.sessionsPerWeek());
        o.put("device", p.device());
        o.put("locale", p.locale());
        return o;
    }

    private static <T> long writeLines(Path file, ObjectMapper mapper, Iterator<T> items,
                                       java.util.function.Function<T, Object> toJson) throws IOException {
        // Written to a temporary name and moved, so a stopped run never leaves a file that looks complete.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long n = 0;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
             SequenceWriter lines = mapper.writer().withRootValueSeparator("\n").writeValues(out)) {
            while (items.hasNext()) {
                lines.write(toJson.apply(items.next()));
                n++;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return n;
    }

    private void writeStorage(SyntheticData shop, Path dataDir) {
        DataDirOption data = new DataDirOption();
        data.dataDir = dataDir;
        try (EmbeddedStorage storage = data.open()) {
            shop.writeCatalogue(storage.catalog(), System.err);
            long n = shop.writeEvents(storage.events(), System.err);
            System.out.printf("wrote %,d products and %,d events to %s (events already in the log were skipped)%n",
                    shop.catalogue().size(), n, dataDir);
        }
    }
}
