package io.aisle.embeddings.text;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.aisle.core.port.Embedder;
import io.aisle.embeddings.Vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (int8-quantised, 384 dimensions) run in process by ONNX Runtime, from the model file inside the
 * langchain4j jar: nothing is downloaded. Loading takes about a second; create one instance per JVM and share it.
 * Thread-safe.
 *
 * <p>Threads: the library's default session gives every inference all cores and spins while waiting, and its list
 * embedding runs several inferences at once, so on small machines threads fight over cores. Here each inference
 * gets one thread without spinning, and a list is spread over one worker per core: measured on 2 cores with
 * 270-character product texts, 112-125 texts/s against 58-83/s for the library's default (interleaved runs).
 * Padded batches straight through ONNX Runtime measured a further 15-25% at most, not worth owning tokenisation,
 * pooling and the 510-token split, which the library does.
 */
public final class MiniLmEmbedder implements Embedder {
    /** The model id stored with every vector this embedder makes. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    /** Length of every vector. */
    public static final int DIMENSION = 384;
    /** Lists longer than this go to the library in slices, so one huge list does not queue everything at once. */
    private static final int SLICE = 256;
    private static final String MODEL_FILE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_FILE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final Model model;

    /** One worker per available core. */
    public MiniLmEmbedder() { this(Runtime.getRuntime().availableProcessors()); }

    /** {@code workers} inferences at once (each single-threaded); the worker threads are daemons. */
    public MiniLmEmbedder(int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "aisle-encoder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.model = new Model(pool, load());
    }

    private static OnnxBertBiEncoder load() {
        try (InputStream modelBytes = resource(MODEL_FILE); InputStream tokenizer = resource(TOKENIZER_FILE);
             OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = env.createSession(modelBytes.readAllBytes(), options);
            return new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the MiniLM model from the langchain4j jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the MiniLM model", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException(name + " is missing from the langchain4j MiniLM jar");
        return in;
    }

    /** The library's list embedding over our own session and workers. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(Executor executor, OnnxBertBiEncoder encoder) {
            super(executor);
            this.encoder = encoder;
        }

        @Override protected OnnxBertBiEncoder model() { return encoder; }

        @Override protected Integer knownDimension() { return DIMENSION; }
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
