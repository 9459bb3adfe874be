package io.aisle.recommend.neural.sasrec;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The SASRec network on PyTorch through DJL: item and learned position embeddings, pre-norm causal self-attention
 * blocks with a position-wise feed-forward layer, and an output layer that shares the item embedding table.
 * Owns its NDManager; every intermediate array lives in a caller's scope, so nothing piles up in it.
 */
final class SasRecNetwork implements AutoCloseable {

    private static final float LAYER_NORM_EPS = 1e-6f;
    private static final int SCORING_ROWS = 256;

    private final SasRecConfig config;
    private final int itemCount;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;

    private SasRecNetwork(SasRecConfig config, int itemCount, NDManager manager, Map<String, NDArray> parameters) {
        this.config = config;
        this.itemCount = itemCount;
        this.manager = manager;
        this.parameters = parameters;
    }

    /** Parameter names and shapes in a fixed order, which is also the order of the saved bytes. */
    static Map<String, Shape> shapes(SasRecConfig config, int itemCount) {
        int d = config.dim();
        Map<String, Shape> s = new LinkedHashMap<>();
        s.put("item", new Shape(itemCount + 1L, d));
        s.put("position", new Shape(config.maxLength(), d));
        for (int b = 0; b < config.blocks(); b++) {
            String p = "block" + b + ".";
            for (String ln : new String[] {"attnNorm", "ffnNorm"}) {
                s.put(p + ln + ".gamma", new Shape(d));
                s.put(p + ln + ".beta", new Shape(d));
            }
            for (String w : new String[] {"query", "key", "value", "out", "ffn1", "ffn2"}) {
                s.put(p + w + ".weight", new Shape(d, d));
                s.put(p + w + ".bias", new Shape(d));
            }
        }
        s.put("finalNorm.gamma", new Shape(d));
        s.put("finalNorm.beta", new Shape(d));
        return s;
    }

    /** Fresh weights drawn from {@code random}: scaled normal embeddings, Xavier-uniform projections. */
    static SasRecNetwork initialise(SasRecConfig config, int itemCount, SplittableRandom random) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : shapes(config, itemCount).entrySet()) {
            Shape shape = e.getValue();
            String name = e.getKey();
            float[] v = new float[Math.toIntExact(shape.size())];
            if (name.equals("item") || name.equals("position")) {
                double std = 1.0 / Math.sqrt(config.dim());
                int from = name.equals("item") ? config.dim() : 0; // row 0 of the item table is padding: zeros
                for (int i = from; i < v.length; i++) v[i] = (float) (random.nextGaussian() * std);
            } else if (name.endsWith(".weight")) {
                double bound = Math.sqrt(6.0 / (shape.get(0) + shape.get(1)));
                for (int i = 0; i < v.length; i++) v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            } else if (name.endsWith(".gamma")) {
                Arrays.fill(v, 1f);
            }
            values.put(name, v);
        }
        return of(config, itemCount, values);
    }

    /** A network over the given weights, which must match {@link #shapes} name for name and size for size. */
    static SasRecNetwork of(SasRecConfig config, int itemCount, Map<String, float[]> values) {
        Map<String, Shape> shapes = shapes(config, itemCount);
        if (!values.keySet().equals(shapes.keySet())) {
            throw new IllegalArgumentException("weights do not match the config: expected " + shapes.keySet() + ", got " + values.keySet());
        }
        NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Shape> e : shapes.entrySet()) {
                float[] v = values.get(e.getKey());
                if (v.length != e.getValue().size()) {
                    throw new IllegalArgumentException("weight " + e.getKey() + " has " + v.length + " values, expected " + e.getValue());
                }
                parameters.put(e.getKey(), manager.create(v, e.getValue()));
            }
        } catch (RuntimeException ex) {
            manager.close();
            throw ex;
        }
        return new SasRecNetwork(config, itemCount, manager, parameters);
    }

    SasRecConfig config() { return config; }

    int itemCount() { return itemCount; }

    NDManager manager() { return manager; }

    Map<String, NDArray> parameters() { return parameters; }

    /** The current weights copied out of the engine, in {@link #shapes} order. */
    Map<String, float[]> values() {
        Map<String, float[]> out = new LinkedHashMap<>();
        parameters.forEach((name, array) -> out.put(name, array.toFloatArray()));
        return out;
    }

    /** A copy without gradients, for scoring while this network keeps training. */
    SasRecNetwork snapshot() {
        return of(config, itemCount, values());
    }

    /** Hidden states, rows x width x dim, of every position of the batch; arrays are created in {@code scope}. */
    NDArray encode(NDManager scope, SequenceBatch batch, boolean training) {
        int d = config.dim();
        int heads = config.heads();
        int headDim = d / heads;
        int rows = batch.rows();
        int width = batch.width();
        float dropout = (float) config.dropout();

        NDArray tokens = scope.create(batch.tokens(), new Shape(rows, width));
        NDArray keep = scope.create(batch.keep(), new Shape(rows, width, 1));
        NDArray mask = scope.create(batch.attention(), new Shape(rows, 1, width, width));

        // Scalars as arrays of the scope: DJL's mul(Number) frees its scalar before backward reads it.
        NDArray embeddingScale = scope.create((float) Math.sqrt(d));
        NDArray attentionScale = scope.create((float) (1.0 / Math.sqrt(headDim)));

        NDArray x = Embedding.embedding(tokens, p("item"), SparseFormat.DENSE).singletonOrThrow().mul(embeddingScale);
        x = x.add(local(scope, p("position").get(new NDIndex((config.maxLength() - width) + ":"))));
        x = Dropout.dropout(x, dropout, training).singletonOrThrow().mul(keep);

        for (int b = 0; b < config.blocks(); b++) {
            String n = "block" + b + ".";
            NDArray y = norm(x, n + "attnNorm");
            NDArray q = heads(linear(y, n + "query"), rows, width, heads, headDim);
            NDArray k = heads(linear(y, n + "key"), rows, width, heads, headDim);
            NDArray v = heads(linear(y, n + "value"), rows, width, heads, headDim);
            NDArray weights = q.matMul(k.transpose(0, 1, 3, 2)).mul(attentionScale).add(mask).softmax(-1);
            weights = Dropout.dropout(weights, dropout, training).singletonOrThrow();
            NDArray attended = weights.matMul(v).transpose(0, 2, 1, 3).reshape(rows, width, d);
            x = x.add(Dropout.dropout(linear(attended, n + "out"), dropout, training).singletonOrThrow());

            NDArray f = Activation.relu(linear(norm(x, n + "ffnNorm"), n + "ffn1"));
            f = Dropout.dropout(f, dropout, training).singletonOrThrow();
            f = Dropout.dropout(linear(f, n + "ffn2"), dropout, training).singletonOrThrow();
            x = x.add(f).mul(keep);
        }
        return norm(x, "finalNorm");
    }

    /** The item embedding table without its padding row, items x dim: the shared output layer. */
    NDArray outputTable(NDManager scope) {
        return local(scope, p("item").get(new NDIndex("1:")));
    }

    /** Item embeddings of the given item indices, n x dim. */
    NDArray itemRows(NDManager scope, long[] items) {
        long[] tokens = new long[items.length];
        for (int i = 0; i < items.length; i++) tokens[i] = items[i] + 1;
        return Embedding.embedding(scope.create(tokens), p("item"), SparseFormat.DENSE).singletonOrThrow();
    }

    /** Scores of every item after each history, written into {@code out[i]}; inference only (no dropout). */
    void scoreLast(int[][] histories, float[][] out) {
        Integer[] order = new Integer[histories.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        // Similar lengths side by side, so each chunk pads little.
        Arrays.sort(order, (a, b) -> Integer.compare(Math.min(histories[a].length, config.maxLength()),
                Math.min(histories[b].length, config.maxLength())));
        for (int start = 0; start < order.length; start += SCORING_ROWS) {
            int n = Math.min(SCORING_ROWS, order.length - start);
            int[][] chunk = new int[n][];
            for (int i = 0; i < n; i++) chunk[i] = histories[order[start + i]];
            try (NDManager scope = manager.newSubManager()) {
                SequenceBatch batch = SequenceBatch.forScoring(chunk, config.maxLength());
                NDArray hidden = encode(scope, batch, false);
                NDArray last = hidden.get(new NDIndex(":, " + (batch.width() - 1) + ", :"));
                float[] logits = last.matMul(outputTable(scope).transpose()).toFloatArray();
                for (int i = 0; i < n; i++) System.arraycopy(logits, i * itemCount, out[order[start + i]], 0, itemCount);
            }
        }
    }

    private NDArray p(String name) {
        return parameters.get(name);
    }

    private NDArray linear(NDArray input, String name) {
        return input.matMul(p(name + ".weight")).add(p(name + ".bias"));
    }

    private NDArray norm(NDArray input, String name) {
        NDList out = LayerNorm.layerNorm(input, new Shape(config.dim()), p(name + ".gamma"), p(name + ".beta"), LAYER_NORM_EPS);
        return out.singletonOrThrow();
    }

    private static NDArray heads(NDArray x, int rows, int width, int heads, int headDim) {
        return x.reshape(rows, width, heads, headDim).transpose(0, 2, 1, 3);
    }

    /** Results of operations that start from a parameter land in the parameter's manager; move them to the scope. */
    private static NDArray local(NDManager scope, NDArray array) {
        array.attach(scope);
        return array;
    }

    @Override
    public void close() {
        manager.close();
    }
}
