package io.aisle.bench.relevance;

import io.aisle.core.port.Embedder;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** A fast stand-in encoder for tests: hashed bag of lower-cased words, unit length; counts the texts it embeds. */
public final class FakeEmbedder implements Embedder {
    private static final int DIMENSION = 64;
    private final AtomicInteger embedded = new AtomicInteger();

    @Override public int dimension() { return DIMENSION; }

    @Override public String modelId() { return "fake-bag-of-words"; }

    @Override public float[] embed(String text) {
        embedded.incrementAndGet();
        float[] v = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
        }
        double norm = 0;
        for (float f : v) norm += f * f;
        if (norm == 0) v[0] = 1;
        else for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(norm);
        return v;
    }

    @Override public List<float[]> embedAll(List<String> texts) { return texts.stream().map(this::embed).toList(); }

    /** Texts embedded so far. */
    public int embedded() { return embedded.get(); }
}
