package io.aisle.embeddings;

import io.aisle.core.port.ModelStore;
import io.aisle.core.port.ModelVersion;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A ModelStore test double: versions in memory, with checksums so a wrong artifact is caught as FileModelStore would. */
public final class InMemoryModelStore implements ModelStore {
    private final Map<String, List<ModelVersion>> versions = new LinkedHashMap<>();
    private final Map<ModelVersion, byte[]> bytes = new LinkedHashMap<>();

    @Override public synchronized ModelVersion save(String name, byte[] artifact, Map<String, String> metadata) {
        List<ModelVersion> list = versions.computeIfAbsent(name, n -> new ArrayList<>());
        ModelVersion v = new ModelVersion(name, list.size() + 1, Instant.EPOCH, artifact.length, sha256(artifact), metadata);
        list.add(v);
        bytes.put(v, artifact.clone());
        return v;
    }

    @Override public synchronized Optional<ModelVersion> latest(String name) {
        List<ModelVersion> list = versions.getOrDefault(name, List.of());
        return list.isEmpty() ? Optional.empty() : Optional.of(list.getLast());
    }

    @Override public synchronized Optional<ModelVersion> find(String name, int version) {
        return versions.getOrDefault(name, List.of()).stream().filter(v -> v.version() == version).findFirst();
    }

    @Override public synchronized List<ModelVersion> versions(String name) { return List.copyOf(versions.getOrDefault(name, List.of())); }

    @Override public synchronized byte[] load(ModelVersion version) {
        byte[] b = bytes.get(version);
        if (b == null || !sha256(b).equals(version.sha256())) throw new IllegalStateException("no intact artifact for " + version);
        return b.clone();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
