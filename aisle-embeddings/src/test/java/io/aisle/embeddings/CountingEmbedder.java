package io.aisle.embeddings;

import io.aisle.core.port.Embedder;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Wraps an embedder and counts the texts it embeds; with no delegate, hashes words into a small deterministic space. */
public final class CountingEmbedder implements Embedder {
    private final Embedder delegate;
    private final String modelId;
    private final AtomicLong texts = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    public CountingEmbedder(Embedder delegate) {
        this.delegate = delegate;
        this.modelId = delegate == null ? "hashed-words-16" : delegate.modelId();
    }

    /** A fast stand-in: each word adds one to a hashed coordinate of a 16-dimensional vector. */
    public static CountingEmbedder hashedWords(String modelId) {
        return new CountingEmbedder(null, modelId);
    }

    private CountingEmbedder(Embedder delegate, String modelId) {
        this.delegate = delegate;
        this.modelId = modelId;
    }

    @Override public int dimension() { return delegate == null ? 16 : delegate.dimension(); }

    @Override public String modelId() { return modelId; }

    @Override public float[] embed(String text) {
        texts.incrementAndGet();
        calls.incrementAndGet();
        return delegate == null ? hashed(text) : delegate.embed(text);
    }

    @Override public List<float[]> embedAll(List<String> batch) {
        texts.addAndGet(batch.size());
        calls.incrementAndGet();
        return delegate == null ? batch.stream().map(CountingEmbedder::hashed).toList() : delegate.embedAll(batch);
    }

    public long texts() { return texts.get(); }

    public long calls() { return calls.get(); }

    private static float[] hashed(String text) {
        float[] v = new float[16];
        for (String w : text.toLowerCase().split("\\W+")) if (!w.isEmpty()) v[Math.floorMod(w.hashCode(), 16)] += 1;
        float[] u = Vectors.unit(v);
        return u == null ? unitX() : u;
    }

    private static float[] unitX() {
        float[] v = new float[16];
        v[0] = 1;
        return v;
    }
}
