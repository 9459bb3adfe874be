package io.aisle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aisle} command line: one entry point for the server, the demo, imports and benchmarks. */
@Command(name = "aisle", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Aisle: a self-hosted AI commerce engine (events, catalogue, search, recommendations, ...).",
        subcommands = {ServeCommand.class, DemoCommand.class, ImportCommand.class, SimulateCommand.class,
                BenchCommand.class, TrainCommand.class, PricingCommand.class, ImagesCommand.class, ContentCommand.class, ForecastCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'aisle help COMMAND' for a command's options."})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static void main(String[] args) {
        quietOfflineCommands(args);
        System.exit(commandLine().execute(args));
    }

    /**
     * Batch commands own the terminal for progress and results, so their stores log warnings only; the server
     * commands keep INFO. Must run before the first logger is created; AISLE_LOG_LEVEL still wins.
     */
    private static void quietOfflineCommands(String[] args) {
        boolean offline = args.length > 0 && java.util.Set.of("import", "simulate", "bench").contains(args[0]);
        if (offline && System.getenv("AISLE_LOG_LEVEL") == null && System.getProperty("AISLE_LOG_LEVEL") == null) {
            System.setProperty("AISLE_LOG_LEVEL", "WARN");
        }
    }

    /** The configured command line, shared by main and tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof io.aisle.core.validation.ValidationException v) {
                cmd.getErr().println("error: " + String.join("\n       ", v.errors().stream().map(Object::toString).toList()));
                return 2;
            }
            if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"aisle " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}
