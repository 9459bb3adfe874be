package io.aisle.search;

import io.aisle.core.port.Embedder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An embedder that remembers the vectors of recent texts. Query understanding and the vector retriever both embed a
 * search's text; sharing one of these between them embeds it once per search, and repeated searches not at all.
 * Thread-safe; vectors are returned as shared arrays that callers must not modify.
 */
public final class CachedEmbedder implements Embedder {
    private final Embedder delegate;
    private final Map<String, float[]> recent;

    /** Keeps the vectors of the last {@code capacity} distinct texts. */
    public CachedEmbedder(Embedder delegate, int capacity) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) { return size() > capacity; }
        };
    }

    @Override public int dimension() { return delegate.dimension(); }

    @Override public String modelId() { return delegate.modelId(); }

    @Override public float[] embed(String text) {
        synchronized (recent) {
            float[] v = recent.get(text);
            if (v != null) return v;
        }
        // Embedding runs outside the lock: two threads may embed one text at once, which costs time, not correctness.
        float[] v = delegate.embed(text);
        synchronized (recent) {
            recent.put(text, v);
        }
        return v;
    }

    @Override public List<float[]> embedAll(List<String> texts) { return texts.stream().map(this::embed).toList(); }
}
