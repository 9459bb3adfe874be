package io.aisle.bench.relevance;

import io.aisle.core.port.Embedder;
import io.aisle.embeddings.text.ProductText;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sentence vectors of texts, kept in one file per model under a cache directory and keyed by a 64-bit hash of the
 * text, so a benchmark embeds each text once across runs. The file is rewritten whole (via a temporary file) when
 * new texts were embedded; a file that cannot be read is ignored and rebuilt.
 */
public final class VectorCache {
    private static final int MAGIC = 0x41564331; // "AVC1"
    private static final int BATCH = 512;

    private final Embedder embedder;
    private final Path file;
    private final Consumer<String> progress;

    public VectorCache(Embedder embedder, Path directory, Consumer<String> progress) {
        this.embedder = embedder;
        this.file = directory.resolve("vectors-" + embedder.modelId().replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
        this.progress = progress;
    }

    public Path file() { return file; }

    /** Vectors of {@code texts} (none blank), same order; embeds only texts not already cached. */
    public List<float[]> vectors(List<String> texts) {
        Map<Long, float[]> cached = load();
        List<String> missing = new ArrayList<>();
        for (String t : new LinkedHashSet<>(texts)) if (!cached.containsKey(ProductText.hash(t))) missing.add(t);
        if (!missing.isEmpty()) {
            progress.accept("embedding " + missing.size() + " texts not in " + file + " (" + cached.size() + " cached)");
            long t0 = System.nanoTime();
            for (int from = 0; from < missing.size(); from += BATCH) {
                List<String> slice = missing.subList(from, Math.min(missing.size(), from + BATCH));
                List<float[]> vectors = embedder.embedAll(slice);
                for (int i = 0; i < slice.size(); i++) cached.put(ProductText.hash(slice.get(i)), vectors.get(i));
                int done = Math.min(missing.size(), from + BATCH);
                progress.accept(String.format("embedded %d/%d (%.0f texts/s)", done, missing.size(),
                        done / ((System.nanoTime() - t0) / 1e9)));
            }
            save(cached);
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) out.add(cached.get(ProductText.hash(t)));
        return out;
    }

    private Map<Long, float[]> load() {
        Map<Long, float[]> out = new HashMap<>();
        if (!Files.isRegularFile(file)) return out;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != embedder.dimension()) {
                progress.accept("ignoring " + file + ": another format or dimension");
                return new HashMap<>();
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long key = in.readLong();
                float[] v = new float[embedder.dimension()];
                for (int d = 0; d < v.length; d++) v[d] = in.readFloat();
                out.put(key, v);
            }
            return out;
        } catch (IOException e) {
            progress.accept("ignoring unreadable " + file + ": " + e.getMessage());
            return new HashMap<>();
        }
    }

    private void save(Map<Long, float[]> vectors) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(embedder.dimension());
                out.writeInt(vectors.size());
                for (var e : vectors.entrySet()) {
                    out.writeLong(e.getKey());
                    for (float f : e.getValue()) out.writeFloat(f);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the vector cache " + file, e);
        }
    }
}
