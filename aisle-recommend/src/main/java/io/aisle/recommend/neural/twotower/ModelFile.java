package io.aisle.recommend.neural.twotower;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Binary form of a {@link TwoTowerModel}: a magic number and version, the shape (items, dimension, history length,
 * hidden size, attribute count, content width), then the weight arrays in a fixed order as big-endian floats.
 */
final class ModelFile {
    private static final int MAGIC = 0x41325457; // "A2TW"
    private static final int VERSION = 1;
    /** Refuses absurd shapes before allocating, so a corrupt header fails cleanly. */
    private static final long MAX_FLOATS = 1L << 28;

    private ModelFile() {}

    static void write(OutputStream stream, ItemTower item, ShopperTower shopper, float[] itemVectors, int[] itemCounts) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(itemCounts.length);
        out.writeInt(item.dimension());
        out.writeInt(shopper.historyLength());
        out.writeInt(shopper.hiddenSize());
        out.writeInt(item.attributeCount());
        out.writeInt(item.vectorDimension());
        for (int c : itemCounts) out.writeInt(c);
        floats(out, itemVectors);
        floats(out, item.attributeEmbeddings());
        floats(out, item.contentWeights());
        floats(out, item.contentBias());
        floats(out, shopper.positionLogits());
        floats(out, shopper.w1());
        floats(out, shopper.b1());
        floats(out, shopper.w2());
        floats(out, shopper.b2());
        out.flush();
    }

    static TwoTowerModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        try {
            if (in.readInt() != MAGIC) throw new IOException("not a two-tower model (bad magic number)");
            int version = in.readInt();
            if (version != VERSION) throw new IOException("two-tower model version " + version + " is not supported (expected " + VERSION + ")");
            int items = positive(in, "items", 1);
            int d = positive(in, "dimension", 1);
            int historyLength = positive(in, "historyLength", 1);
            int hidden = positive(in, "hiddenSize", 1);
            int attributes = positive(in, "attributeCount", 0);
            int contentWidth = positive(in, "vectorDimension", 0);
            int[] counts = new int[items];
            for (int i = 0; i < items; i++) counts[i] = in.readInt();
            float[] itemVectors = floats(in, (long) items * d);
            ItemTower item = new ItemTower(d, attributes, contentWidth, floats(in, (long) attributes * d),
                    floats(in, (long) contentWidth * d), floats(in, d));
            ShopperTower shopper = new ShopperTower(d, historyLength, hidden, floats(in, historyLength),
                    floats(in, 2L * d * hidden), floats(in, hidden), floats(in, (long) hidden * d), floats(in, d));
            return new TwoTowerModel(item, shopper, itemVectors, counts);
        } catch (EOFException e) {
            throw new IOException("two-tower model is truncated", e);
        }
    }

    private static int positive(DataInputStream in, String field, int min) throws IOException {
        int v = in.readInt();
        if (v < min) throw new IOException("two-tower model has " + field + " " + v + ", expected at least " + min);
        return v;
    }

    private static void floats(DataOutputStream out, float[] values) throws IOException {
        for (float v : values) out.writeFloat(v);
    }

    private static float[] floats(DataInputStream in, long n) throws IOException {
        if (n > MAX_FLOATS) throw new IOException("two-tower model declares " + n + " weights in one array, too many");
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = in.readFloat();
        return v;
    }
}
