package io.aisle.cli;

import io.aisle.server.AisleServer;
import io.aisle.server.KeyFile;

import java.io.PrintStream;

/** What a person needs after start: where the console, API and keys are. Keys themselves are never printed. */
final class Banner {
    private Banner() {}

    static void print(PrintStream out, AisleServer server) {
        String host = server.config().host().equals("0.0.0.0") ? "localhost" : server.config().host();
        String base = "http://" + host + ":" + server.port();
        out.println();
        out.println("  Aisle is running");
        out.println("  Console:    " + base + "/   (sign in with the admin key)");
        out.println("  Storefront: " + base + "/store");
        out.println("  API docs:   " + base + "/swagger");
        out.println("  API keys:   " + (server.config().publicKey() != null ? "from AISLE_PUBLIC_KEY / AISLE_ADMIN_KEY"
                : server.config().dataDir().resolve(KeyFile.NAME).toAbsolutePath()));
        out.println("  Press Ctrl+C to stop.");
        out.println();
    }
}
