package io.aisle.embeddings;

import io.aisle.embeddings.text.MiniLmEmbedder;

/** One MiniLM encoder for every test class in the JVM: loading it is the slow part of the suite. */
public final class SharedEncoder {
    private SharedEncoder() {}

    private static final class Holder {
        static final MiniLmEmbedder ENCODER = new MiniLmEmbedder();
    }

    public static MiniLmEmbedder get() { return Holder.ENCODER; }
}
