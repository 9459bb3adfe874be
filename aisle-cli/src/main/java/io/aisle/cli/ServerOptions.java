package io.aisle.cli;

import io.aisle.server.ServerConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** Options shared by the commands that start a server. */
final class ServerOptions {
    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one)", defaultValue = "7070")
    int port;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE})", defaultValue = "0.0.0.0")
    String host;

    @Option(names = "--data-dir", description = "Data directory (default: ${DEFAULT-VALUE})", defaultValue = "./aisle-data")
    Path dataDir;

    @Option(names = "--recs-retrain-every", description = {"Retrain the served sequence model from new events this often,",
            "ISO-8601 (default: ${DEFAULT-VALUE}; PT0S turns it off)"}, defaultValue = "PT6H")
    Duration recsRetrainEvery;

    ServerConfig config() {
        return ServerConfig.defaults(dataDir).withHost(host).withPort(port).withRecsRetrainEvery(recsRetrainEvery)
                .withKeysFromEnvironment(System.getenv());
    }
}
