package io.aisle.core.port;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence encoder: turns text into unit-length vectors, so cosine similarity is a dot product. Deterministic: the
 * same text under the same {@link #modelId()} always gives the same vector, which is what lets stored vectors be
 * reused across restarts.
 */
public interface Embedder {

    /** Length of every vector this embedder returns. */
    int dimension();

    /** Names the model and its version; vectors from different model ids must never be compared. */
    String modelId();

    /** The unit-length vector of {@code text}, which must not be blank. */
    float[] embed(String text);

    /**
     * The vectors of {@code texts}, in the same order. Implementations override this when a batch runs faster than
     * one text at a time.
     */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) out.add(embed(text));
        return out;
    }
}
