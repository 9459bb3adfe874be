package io.aisle.search.support;

import io.aisle.embeddings.text.MiniLmEmbedder;

/** One MiniLM encoder for every test class in the JVM: loading it is the slow part. */
public final class Encoder {
    private Encoder() {}

    private static final class Holder {
        static final MiniLmEmbedder ENCODER = new MiniLmEmbedder();
    }

    public static MiniLmEmbedder get() { return Holder.ENCODER; }
}
