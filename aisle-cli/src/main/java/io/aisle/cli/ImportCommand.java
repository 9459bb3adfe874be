package io.aisle.cli;

import io.aisle.core.catalog.Product;
import io.aisle.core.event.AppendOutcome;
import io.aisle.core.json.EventJson;
import io.aisle.core.json.Json;
import io.aisle.core.json.ProductJson;
import io.aisle.ingest.CatalogService;
import io.aisle.ingest.RowError;
import io.aisle.ingest.catalog.CatalogFormat;
import io.aisle.ingest.catalog.CatalogImporter;
import io.aisle.ingest.catalog.FeedSummary;
import io.aisle.ingest.catalog.ImportOptions;
import io.aisle.ingest.events.EventFileReader;
import io.aisle.ingest.events.EventReadSummary;
import io.aisle.store.embedded.EmbeddedStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/** {@code aisle import catalog|events FILE}: bulk loads into a data directory. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import a catalogue feed or an event history.",
        subcommands = {ImportCommand.Catalog.class, ImportCommand.Events.class})
final class ImportCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    static final int SHOWN_ERRORS = 20;

    static void printErrors(PrintStream err, List<RowError> errors, long total) {
        errors.stream().limit(SHOWN_ERRORS).forEach(e -> err.println("  " + e));
        if (total > SHOWN_ERRORS) err.println("  ... and " + (total - SHOWN_ERRORS) + " more");
    }

    static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("FILE: no such file: " + file);
    }

    /** {@code aisle import catalog}. */
    @Command(name = "catalog", mixinStandardHelpOptions = true,
            description = {"Import a catalogue feed into the data directory.",
                    "The whole file is checked first; products are written only if no row has an error.",
                    "Formats: jsonl, csv, gmc-tsv, gmc-xml (Google Merchant Center), shopify (product CSV export),",
                    "luma (the Magento Luma flat sample). Without --format it is told from the name and content."})
    static final class Catalog implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The feed file") Path file;
        @Option(names = "--format", description = "Feed format: jsonl, csv, gmc-tsv, gmc-xml, shopify, luma") String format;
        @Option(names = "--currency", description = "Currency for feeds without one (default: ${DEFAULT-VALUE})", defaultValue = "USD")
        String currency;
        @Option(names = "--dry-run", description = "Check the file and report errors without writing") boolean dryRun;
        @Mixin DataDirOption data;

        @Override public Integer call() throws Exception {
            requireFile(file);
            ImportOptions options = ImportOptions.defaults().withDefaultCurrency(currency);
            if (format != null) {
                options = options.withFormat(CatalogFormat.fromName(format).orElseThrow(() -> new IllegalArgumentException(
                        "--format: '" + format + "' is not one of " + CatalogFormat.allNames())));
            }
            CatalogImporter importer = CatalogImporter.standard();
            // Pass 1 checks every row without writing, so a bad row anywhere leaves the catalogue untouched.
            FeedSummary check;
            try (Progress progress = new Progress(System.err, "products checked", 0)) {
                check = importer.read(file, options, chunk -> progress.advance(chunk.size()), 5_000);
            }
            if (!check.isClean()) {
                System.err.println("error: " + check.errorCount() + " problems in " + file + "; nothing was imported:");
                printErrors(System.err, check.errors(), check.errorCount());
                return 1;
            }
            System.out.printf("%s: %,d products in %,d rows, format %s%n", file, check.productsRead(), check.rowsRead(), check.format());
            if (dryRun) return 0;
            ImportOptions resolved = options.withFormat(check.format());
            try (EmbeddedStorage storage = data.open();
                 Progress progress = new Progress(System.err, "products written", check.productsRead())) {
                CatalogService service = new CatalogService(storage.catalog(), new ProductJson(Json.mapper()));
                importer.read(file, resolved, (List<Product> chunk) -> {
                    service.upsertAll(chunk);
                    progress.advance(chunk.size());
                }, 5_000);
                System.out.printf("imported %,d products; the catalogue holds %,d%n", check.productsRead(), storage.catalog().count());
            }
            return 0;
        }
    }

    /** {@code aisle import events}. */
    @Command(name = "events", mixinStandardHelpOptions = true,
            description = {"Import an event history (JSONL in the wire format, or CSV) into the event log.",
                    "Each event is checked on its own, as over HTTP: valid events are stored, events already in the",
                    "log are skipped, refused lines are listed. Exit code 1 when any line was refused."})
    static final class Events implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The event file (.jsonl or .csv)") Path file;
        @Mixin DataDirOption data;

        @Override public Integer call() throws Exception {
            requireFile(file);
            AtomicLong stored = new AtomicLong();
            AtomicLong duplicates = new AtomicLong();
            List<RowError> shown = new java.util.ArrayList<>();
            EventReadSummary summary;
            try (EmbeddedStorage storage = data.open();
                 Progress progress = new Progress(System.err, "events", 0)) {
                EventFileReader reader = new EventFileReader(new EventJson(Json.mapper(), Clock.systemUTC()), Json.mapper());
                summary = reader.read(file, 1_000, chunk -> {
                    if (!chunk.events().isEmpty()) {
                        for (AppendOutcome o : storage.events().append(chunk.events())) {
                            if (o instanceof AppendOutcome.Stored) stored.incrementAndGet();
                            else duplicates.incrementAndGet();
                        }
                    }
                    chunk.errors().stream().limit(Math.max(0, SHOWN_ERRORS - shown.size())).forEach(shown::add);
                    progress.advance(chunk.events().size() + chunk.errors().size());
                });
            }
            System.out.printf("%s: %,d rows, %,d stored, %,d already in the log, %,d errors%n", file,
                    summary.rowsRead(), stored.get(), duplicates.get(), summary.errorCount());
            if (!summary.isClean()) {
                printErrors(System.err, shown, summary.errorCount());
                return 1;
            }
            return 0;
        }
    }
}
