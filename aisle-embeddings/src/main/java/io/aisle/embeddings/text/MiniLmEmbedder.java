package io.aisle.embeddings.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.aisle.core.port.Embedder;
import io.aisle.embeddings.Vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (int8-quantised, 384 dimensions) run in process by ONNX Runtime, from the model and tokenizer
 * files inside the langchain4j jar: nothing is downloaded. Loading takes about a second; create one instance per JVM
 * and share it. Thread-safe.
 *
 * <p>A text is tokenised once (cut at the tokenizer's own 128 word pieces), run as one sequence and mean-pooled over
 * all its tokens, which is what the library's encoder computes, without its two extra tokenisations per text. Each
 * inference gets one thread without spinning, and a list is spread over one worker per core: on 2 cores threads
 * otherwise fight over cores. Padded batches gained only 3 to 8% of CPU and make a vector depend on its batch mates
 * (activations are quantised per batch), so every text runs alone.
 */
public final class MiniLmEmbedder implements Embedder {
    /** The model id stored with every vector this embedder makes. */
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    /** Length of every vector. */
    public static final int DIMENSION = 384;
    private static final String MODEL_FILE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_FILE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final int workers;
    private final ExecutorService pool;

    /** One worker per available core. */
    public MiniLmEmbedder() { this(Runtime.getRuntime().availableProcessors()); }

    /** {@code workers} inferences at once (each single-threaded); the worker threads are daemons. */
    public MiniLmEmbedder(int workers) {
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        this.workers = workers;
        this.environment = OrtEnvironment.getEnvironment();
        this.session = openSession(environment);
        this.tokenizer = openTokenizer();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "aisle-encoder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static OrtSession openSession(OrtEnvironment environment) {
        try (InputStream model = resource(MODEL_FILE); OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment.createSession(model.readAllBytes(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the MiniLM model from the langchain4j jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the MiniLM model", e);
        }
    }

    private static HuggingFaceTokenizer openTokenizer() {
        try (InputStream json = resource(TOKENIZER_FILE)) {
            // Padding off: one text per inference. Truncation stays as the tokenizer file sets it (128 word pieces).
            return HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the MiniLM tokenizer from the langchain4j jar", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) throw new IllegalStateException(name + " is missing from the langchain4j MiniLM jar");
        return in;
    }

    @Override public int dimension() { return DIMENSION; }

    @Override public String modelId() { return MODEL_ID; }

    @Override public float[] embed(String text) {
        return encode(requireText(text));
    }

    /** Every text is checked before any is encoded; the workers pull texts one at a time, so long ones do not bunch up. */
    @Override public List<float[]> embedAll(List<String> texts) {
        texts.forEach(MiniLmEmbedder::requireText);
        float[][] out = new float[texts.size()][];
        int tasks = Math.min(workers, texts.size());
        if (tasks <= 1) {
            for (int i = 0; i < out.length; i++) out[i] = encode(texts.get(i));
            return List.of(out);
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) out[i] = encode(texts.get(i));
            }));
        }
        try {
            for (Future<?> f : running) f.get();
        } catch (InterruptedException e) {
            running.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while embedding " + texts.size() + " texts");
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException("embedding failed", e.getCause());
        }
        return List.of(out);
    }

    private float[] encode(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        long[] shape = {1, ids.length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", mask, "token_type_ids", types))) {
            FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer(); // [1, tokens, 384], token-major
            return unit(meanPool(hidden, ids.length));
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the MiniLM model", e);
        }
    }

    private static float[] meanPool(FloatBuffer hidden, int tokens) {
        if (hidden.remaining() != tokens * DIMENSION) {
            throw new IllegalStateException("encoder returned " + hidden.remaining() + " values for " + tokens + " tokens");
        }
        float[] sum = new float[DIMENSION];
        for (int t = 0, at = 0; t < tokens; t++) {
            for (int k = 0; k < DIMENSION; k++) sum[k] += hidden.get(at++);
        }
        for (int k = 0; k < DIMENSION; k++) sum[k] /= tokens;
        return sum;
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("cannot embed blank text");
        return text;
    }

    private static float[] unit(float[] v) {
        float[] u = Vectors.unit(v);
        if (u == null) throw new IllegalStateException("encoder returned a degenerate vector");
        return u;
    }
}
