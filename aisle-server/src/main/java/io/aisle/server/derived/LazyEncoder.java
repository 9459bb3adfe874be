package io.aisle.server.derived;

import io.aisle.core.port.Embedder;
import io.aisle.embeddings.text.MiniLmEmbedder;

import java.util.List;

/**
 * The sentence encoder, loaded on first use and then shared: search and content vectors use one instance per
 * server, and a server with vectors off never loads the model at all.
 */
public final class LazyEncoder implements Embedder {
    private volatile MiniLmEmbedder encoder;

    private MiniLmEmbedder encoder() {
        MiniLmEmbedder e = encoder;
        if (e == null) {
            synchronized (this) {
                e = encoder;
                if (e == null) encoder = e = new MiniLmEmbedder();
            }
        }
        return e;
    }

    @Override public int dimension() { return MiniLmEmbedder.DIMENSION; }

    @Override public String modelId() { return MiniLmEmbedder.MODEL_ID; }

    @Override public float[] embed(String text) { return encoder().embed(text); }

    @Override public List<float[]> embedAll(List<String> texts) { return encoder().embedAll(texts); }
}
