package io.aisle.core.port;

import java.time.Instant;
import java.util.Map;

/** A stored model artifact: name, increasing version, checksum and free-form metadata (metrics, params). */
public record ModelVersion(String name, int version, Instant createdAt, long sizeBytes, String sha256,
                           Map<String, String> metadata) {
    public ModelVersion { metadata = Map.copyOf(metadata); }
}
