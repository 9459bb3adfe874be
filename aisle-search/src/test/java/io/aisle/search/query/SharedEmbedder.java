package io.aisle.search.query;

import io.aisle.embeddings.text.MiniLmEmbedder;

/** One MiniLM encoder for every test class in the JVM: loading it is the slow part. */
final class SharedEmbedder {
    private SharedEmbedder() {}

    private static final class Holder {
        static final MiniLmEmbedder ENCODER = new MiniLmEmbedder();
    }

    static MiniLmEmbedder get() { return Holder.ENCODER; }
}
