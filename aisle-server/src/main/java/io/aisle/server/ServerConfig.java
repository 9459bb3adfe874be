package io.aisle.server;

import io.aisle.core.validation.Errors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the server needs to start, checked as a whole before anything starts (an invalid config fails at
 * startup, naming the setting). Keys are optional: without them the server uses, or creates, the data
 * directory's key file.
 *
 * @param maxRequestBytes  largest request body accepted on any route (catalogue feeds included)
 * @param maxEventBodyBytes largest body accepted on {@code POST /v1/events}
 * @param maxConcurrentIngest ingest requests handled at once; more are answered 429 with Retry-After
 * @param recsRetrainEvery how often the served sequence model is retrained from new events ({@code 0} = never)
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        String publicKey,
        String adminKey,
        long maxRequestBytes,
        long maxEventBodyBytes,
        int maxBatchEvents,
        int maxConcurrentIngest,
        int maxPendingEvents,
        List<String> corsOrigins,
        Duration recsRetrainEvery) {

    public static final int DEFAULT_PORT = 7070;

    public ServerConfig {
        corsOrigins = List.copyOf(corsOrigins);
        Errors errors = new Errors();
        if (host == null || host.isBlank()) errors.add("host", "is required");
        if (port < 0 || port > 65535) errors.add("port", "must be 0..65535 (0 picks a free port), got " + port);
        if (dataDir == null) errors.add("data-dir", "is required");
        if ((publicKey == null) != (adminKey == null)) errors.add("AISLE_ADMIN_KEY", "set both AISLE_PUBLIC_KEY and AISLE_ADMIN_KEY, or neither");
        if (publicKey != null && publicKey.length() < 16) errors.add("AISLE_PUBLIC_KEY", "must be at least 16 characters");
        if (adminKey != null && adminKey.length() < 16) errors.add("AISLE_ADMIN_KEY", "must be at least 16 characters");
        if (publicKey != null && publicKey.equals(adminKey)) errors.add("AISLE_ADMIN_KEY", "must differ from the public key");
        if (maxRequestBytes < 1024) errors.add("max-request-bytes", "must be at least 1024");
        if (maxEventBodyBytes < 1024 || maxEventBodyBytes > maxRequestBytes) errors.add("max-event-body-bytes", "must be 1024..max-request-bytes");
        if (maxBatchEvents < 1 || maxBatchEvents > 10_000) errors.add("max-batch-events", "must be 1..10000");
        if (maxConcurrentIngest < 1) errors.add("max-concurrent-ingest", "must be at least 1");
        if (maxPendingEvents < maxBatchEvents) errors.add("max-pending-events", "must be at least max-batch-events");
        if (recsRetrainEvery == null || recsRetrainEvery.isNegative()) errors.add("recs-retrain-every", "must be zero (off) or a positive duration");
        else if (!recsRetrainEvery.isZero() && recsRetrainEvery.compareTo(Duration.ofMinutes(1)) < 0) errors.add("recs-retrain-every", "must be at least one minute (or zero for off)");
        errors.throwIfAny();
    }

    /** Defaults for a data directory: localhost-friendly, keys from the environment or the key file. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig("0.0.0.0", DEFAULT_PORT, dataDir, null, null, 32L << 20, 4L << 20,
                1000, 256, 100_000, List.of("*"), Duration.ofHours(6));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, publicKey, adminKey, maxRequestBytes, maxEventBodyBytes,
                maxBatchEvents, maxConcurrentIngest, maxPendingEvents, corsOrigins, recsRetrainEvery);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, dataDir, publicKey, adminKey, maxRequestBytes, maxEventBodyBytes,
                maxBatchEvents, maxConcurrentIngest, maxPendingEvents, corsOrigins, recsRetrainEvery);
    }

    public ServerConfig withKeys(String newPublicKey, String newAdminKey) {
        return new ServerConfig(host, port, dataDir, newPublicKey, newAdminKey, maxRequestBytes, maxEventBodyBytes,
                maxBatchEvents, maxConcurrentIngest, maxPendingEvents, corsOrigins, recsRetrainEvery);
    }

    public ServerConfig withLimits(int newMaxConcurrentIngest, int newMaxPendingEvents) {
        return new ServerConfig(host, port, dataDir, publicKey, adminKey, maxRequestBytes, maxEventBodyBytes,
                maxBatchEvents, newMaxConcurrentIngest, newMaxPendingEvents, corsOrigins, recsRetrainEvery);
    }

    public ServerConfig withRecsRetrainEvery(Duration every) {
        return new ServerConfig(host, port, dataDir, publicKey, adminKey, maxRequestBytes, maxEventBodyBytes,
                maxBatchEvents, maxConcurrentIngest, maxPendingEvents, corsOrigins, every);
    }

    /** Keys from AISLE_PUBLIC_KEY / AISLE_ADMIN_KEY when set. */
    public ServerConfig withKeysFromEnvironment(java.util.Map<String, String> env) {
        String pub = env.get("AISLE_PUBLIC_KEY");
        String admin = env.get("AISLE_ADMIN_KEY");
        if (pub == null && admin == null) return this;
        return withKeys(blankToNull(pub), blankToNull(admin));
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    @Override public String toString() {
        return "ServerConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", keys="
                + (publicKey == null ? "key file" : "configured") + ", maxBatchEvents=" + maxBatchEvents + "]";
    }
}
