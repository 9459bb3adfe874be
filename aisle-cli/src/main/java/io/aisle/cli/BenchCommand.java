package io.aisle.cli;

import io.aisle.bench.BenchReport;
import io.aisle.bench.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aisle bench ...}: benchmarks that print a table and optionally write JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchCommand.Ingest.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    /** {@code aisle bench ingest}. */
    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Sustained durable event ingestion over HTTP (POST /v1/events).",
                    "Starts a server on a temporary data directory unless --url is given."})
    static final class Ingest implements Callable<Integer> {
        @Option(names = "--duration", description = "Measured seconds (default: ${DEFAULT-VALUE})", defaultValue = "30")
        int duration;
        @Option(names = "--warmup", description = "Warm-up seconds, not measured (default: ${DEFAULT-VALUE})", defaultValue = "10")
        int warmup;
        @Option(names = "--clients", description = "Concurrent clients (default: ${DEFAULT-VALUE})", defaultValue = "12")
        int clients;
        @Option(names = "--batch", description = "Events per request (default: ${DEFAULT-VALUE})", defaultValue = "100")
        int batch;
        @Option(names = "--url", description = "Benchmark a running server instead, e.g. http://localhost:7070")
        String url;
        @Option(names = "--key", description = "Public API key for --url")
        String key;
        @Option(names = "--json", description = "Also write the figures as JSON to this file")
        Path json;

        @Override public Integer call() throws Exception {
            BenchReport report = new IngestBenchmark(new IngestBenchmark.Options(duration, warmup, clients, batch, url, key),
                    msg -> System.err.println("bench ingest: " + msg)).run();
            report.print(System.out);
            if (json != null) report.writeJson(json);
            return 0;
        }
    }
}
