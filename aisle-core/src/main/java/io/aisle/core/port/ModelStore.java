package io.aisle.core.port;

import java.util.List;
import java.util.Optional;

/** Versioned model artifacts: each save makes a new version; old versions stay until removed. */
public interface ModelStore {

    /** Stores the artifact as the next version of {@code name}; written completely or not at all. */
    ModelVersion save(String name, byte[] artifact, java.util.Map<String, String> metadata);

    Optional<ModelVersion> latest(String name);

    Optional<ModelVersion> find(String name, int version);

    /** All versions of a model, oldest first. */
    List<ModelVersion> versions(String name);

    /** The artifact's bytes, checked against its checksum. */
    byte[] load(ModelVersion version);
}
