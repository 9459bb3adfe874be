package io.aisle.embeddings.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.aisle.core.port.Embedder;
import io.aisle.embeddings.Vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * all-MiniLM-L6-v2 (int8-quantised, 384 dimensions) run in process by ONNX Runtime, from the model file inside the
 * langchain4j jar: nothing is downloaded. The library loads the model once per JVM (about a second); create one
 * instance and share it. Thread-safe.
 *
 * <p>Batches: langchain4j runs one ONNX inference per text and spreads a list over its executor's threads. Padded
 * batches through ONNX Runtime directly measured only about 15% faster on 2 cores, not worth owning tokenisation.
 * Texts beyond the model's 510 word pieces are split and averaged by the library.
 */
public final class MiniLmEmbedder implements Embedder {
    /** The model id stored with every vector this embedder makes. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    private static final int DIMENSION = 384;
    /** Lists longer than this go to the library in slices, so one huge list does not queue everything at once. */
    private static final int SLICE = 256;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    /** Uses the library's executor: one thread per core, idle threads expire. */
    public MiniLmEmbedder() { this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(); }

    /** Runs {@link #embedAll} on {@code executor}; the caller owns and shuts it down. */
    public MiniLmEmbedder(Executor executor) {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel(Objects.requireNonNull(executor, "executor"));
    }

    @Override public int dimension() { return DIMENSION; }

    @Override public String modelId() { return MODEL_ID; }

    @Override public float[] embed(String text) {
        return unit(model.embed(requireText(text)).content());
    }

    @Override public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += SLICE) {
            List<TextSegment> slice = texts.subList(from, Math.min(texts.size(), from + SLICE)).stream()
                    .map(t -> TextSegment.from(requireText(t))).toList();
            for (Embedding e : model.embedAll(slice).content()) out.add(unit(e));
        }
        return out;
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("cannot embed blank text");
        return text;
    }

    /** The library already normalises; normalising again costs nothing and makes the contract ours. */
    private static float[] unit(Embedding e) {
        float[] v = Vectors.unit(e.vector());
        if (v == null || v.length != DIMENSION) throw new IllegalStateException("encoder returned a degenerate vector");
        return v;
    }
}
