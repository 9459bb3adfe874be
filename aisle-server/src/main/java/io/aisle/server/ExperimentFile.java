package io.aisle.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.ExperimentStore;
import io.aisle.core.validation.ValidationException;
import io.aisle.server.api.ExperimentJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Experiment definitions as one JSON file in the data directory ({@value #NAME}), in the API's wire form. They are
 * few and change rarely, so each change rewrites the file: to a temporary file, forced to disk, then renamed over
 * the old one, so a crash leaves either the old or the new file, never half of one.
 */
public final class ExperimentFile implements ExperimentStore {
    public static final String NAME = "experiments.json";

    private final Path file;
    private final ObjectMapper mapper;
    private final ExperimentJson json;
    private final List<Experiment> experiments;

    /** Reads the file if it exists; a file that cannot be read fails the start, naming the file and the problem. */
    public ExperimentFile(Path dataDir, ObjectMapper mapper) {
        this.file = dataDir.resolve(NAME);
        this.mapper = mapper;
        this.json = new ExperimentJson(mapper);
        this.experiments = load();
    }

    public Path path() { return file; }

    @Override public synchronized List<Experiment> all() { return List.copyOf(experiments); }

    @Override public synchronized void put(Experiment experiment) {
        List<Experiment> next = new ArrayList<>(experiments);
        next.removeIf(e -> e.id().equals(experiment.id()));
        int at = indexOf(experiment.id());
        if (at >= 0) next.add(at, experiment);
        else next.add(experiment);
        write(next);
        experiments.clear();
        experiments.addAll(next);
    }

    private int indexOf(String id) {
        for (int i = 0; i < experiments.size(); i++) if (experiments.get(i).id().equals(id)) return i;
        return -1;
    }

    private List<Experiment> load() {
        if (!Files.exists(file)) return new ArrayList<>();
        try {
            JsonNode root = mapper.readTree(file.toFile());
            JsonNode list = root == null ? null : root.get("experiments");
            if (list == null || !list.isArray()) throw new IllegalStateException(file + " must hold {\"experiments\": [...]}");
            List<Experiment> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                try {
                    out.add(json.experiment(list.get(i)));
                } catch (ValidationException e) {
                    throw new IllegalStateException(file + ": experiments[" + i + "] is not valid: " + e.getMessage(), e);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void write(List<Experiment> all) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("experiments");
        all.forEach(e -> list.add(json.encode(e)));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), NAME, ".tmp");
            try {
                Files.write(tmp, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, and there it is skipped. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // The file's own contents are already forced; only the rename's durability is left to the OS.
        }
    }
}
