package io.aisle.cli;

import io.aisle.store.embedded.EmbeddedStorage;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --data-dir} option of commands that work on a data directory without a server. */
final class DataDirOption {
    @Option(names = "--data-dir", description = "Data directory (default: ${DEFAULT-VALUE})", defaultValue = "./aisle-data")
    Path dataDir;

    /** Opens the stores; fails with a clear message when a running server holds the directory. */
    EmbeddedStorage open() {
        try {
            return EmbeddedStorage.open(dataDir);
        } catch (RuntimeException e) {
            throw new IllegalStateException(e.getMessage()
                    + " (if a server is running on it, stop it first or send the data through the HTTP API)", e);
        }
    }
}
