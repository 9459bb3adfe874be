package io.aisle.recommend.neural.sasrec;

import ai.djl.ndarray.types.Shape;
import io.aisle.recommend.model.ItemScorer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;


/**
 * A trained SASRec model: scores every item as the next one after a history (its last {@code maxLength} items).
 * Scoring is safe from concurrent threads; closing while others still score is not. Saved bytes hold the config
 * and all weights, nothing else is needed to load them.
 */
public final class SasRecModel implements ItemScorer, AutoCloseable {

    private static final int MAGIC = 0x53415352; // "SASR"
    private static final int FORMAT = 1;

    private final SasRecNetwork network;

    SasRecModel(SasRecNetwork network) {
        this.network = network;
    }

    @Override
    public String name() {
        return "sasrec";
    }

    public SasRecConfig config() {
        return network.config();
    }

    /** Items the model scores; score arrays must have this length. */
    public int itemCount() {
        return network.itemCount();
    }

    @Override
    public void score(int[] history, float[] scores) {
        scoreBatch(new int[][] {history}, new float[][] {scores});
    }

    /** Scores after many histories at once (much faster than one by one); {@code out[i]} receives history i's scores. */
    public void scoreBatch(int[][] histories, float[][] out) {
        Objects.requireNonNull(histories, "histories");
        Objects.requireNonNull(out, "out");
        if (out.length != histories.length) {
            throw new IllegalArgumentException("out has " + out.length + " rows for " + histories.length + " histories");
        }
        int items = itemCount();
        for (int i = 0; i < histories.length; i++) {
            int[] h = Objects.requireNonNull(histories[i], "histories[" + i + "]");
            if (out[i] == null || out[i].length != items) {
                throw new IllegalArgumentException("out[" + i + "] must have " + items + " slots, one per item");
            }
            for (int item : h) {
                if (item < 0 || item >= items) {
                    throw new IllegalArgumentException("histories[" + i + "] holds item " + item + " outside 0.." + (items - 1));
                }
            }
        }
        network.scoreLast(histories, out);
    }

    /** Writes the config and weights; the stream is flushed, not closed. */
    public void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        SasRecConfig c = config();
        data.writeInt(MAGIC);
        data.writeInt(FORMAT);
        data.writeInt(c.maxLength());
        data.writeInt(c.dim());
        data.writeInt(c.blocks());
        data.writeInt(c.heads());
        data.writeDouble(c.dropout());
        data.writeInt(c.epochs());
        data.writeInt(c.batchSize());
        data.writeDouble(c.learningRate());
        data.writeInt(c.negatives());
        data.writeLong(c.seed());
        data.writeInt(c.threads());
        data.writeInt(itemCount());
        Map<String, float[]> values = network.values();
        data.writeInt(values.size());
        for (Map.Entry<String, float[]> e : values.entrySet()) {
            data.writeUTF(e.getKey());
            float[] v = e.getValue();
            data.writeInt(v.length);
            ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(v);
            data.write(bytes.array());
        }
        data.flush();
    }

    /** Reads a model written by {@link #save}; the stream is left open. */
    public static SasRecModel load(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int magic = data.readInt();
        if (magic != MAGIC) throw new IOException("not a SASRec model: bad magic number 0x" + Integer.toHexString(magic));
        int format = data.readInt();
        if (format != FORMAT) throw new IOException("unsupported SASRec model format " + format + ", expected " + FORMAT);
        SasRecConfig config;
        int itemCount;
        try {
            config = new SasRecConfig(data.readInt(), data.readInt(), data.readInt(), data.readInt(), data.readDouble(),
                    data.readInt(), data.readInt(), data.readDouble(), data.readInt(), data.readLong(), data.readInt());
            itemCount = data.readInt();
            if (itemCount < 1) throw new IllegalArgumentException("itemCount must be at least 1, got " + itemCount);
        } catch (IllegalArgumentException e) {
            throw new IOException("corrupt SASRec model: " + e.getMessage(), e);
        }
        Map<String, Shape> shapes = SasRecNetwork.shapes(config, itemCount);
        int count = data.readInt();
        if (count != shapes.size()) throw new IOException("corrupt SASRec model: " + count + " weights, expected " + shapes.size());
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : shapes.entrySet()) {
            String name = data.readUTF();
            int length = data.readInt();
            if (!name.equals(e.getKey()) || length != e.getValue().size()) {
                throw new IOException("corrupt SASRec model: weight " + name + " of " + length + " values where "
                        + e.getKey() + " " + e.getValue() + " was expected");
            }
            byte[] bytes = new byte[length * Float.BYTES];
            data.readFully(bytes);
            float[] v = new float[length];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            values.put(name, v);
        }
        return new SasRecModel(SasRecNetwork.of(config, itemCount, values));
    }

    @Override
    public void close() {
        network.close();
    }
}
