package io.aisle.cli;

import io.aisle.server.AisleServer;
import io.aisle.server.KeyFile;
import picocli.CommandLine.Command;
import io.aisle.server.derived.Personalization;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.CountDownLatch;

/** {@code aisle serve}: run the server on a data directory until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the Aisle server on a data directory.",
                "API keys come from AISLE_PUBLIC_KEY and AISLE_ADMIN_KEY; without them the server creates",
                "random keys on first start and keeps them in <data-dir>/" + KeyFile.NAME + "."})
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    @Mixin ServerOptions server;

    @Option(names = "--no-personalization", description = {"Ingest only: store events and the catalogue, derive nothing",
            "(no sessions, graph, features or vectors; those APIs answer 503)."})
    boolean noPersonalization;

    @Override public Integer call() throws InterruptedException {
        AisleServer running = AisleServer.start(server.config(),
                noPersonalization ? Personalization.Options.disabled() : Personalization.Options.defaults());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "aisle-shutdown"));
        Banner.print(System.out, running);
        stopped.await();
        return 0;
    }
}
