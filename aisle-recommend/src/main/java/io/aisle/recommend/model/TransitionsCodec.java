package io.aisle.recommend.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained {@link Transitions} model as bytes for the model store: a versioned header, the settings, the prior and
 * the pruned rows, gzipped. Reading checks every length, so a damaged artifact fails instead of serving garbage.
 */
public final class TransitionsCodec {
    private static final int MAGIC = 0x41495452; // "AITR"
    private static final int FORMAT = 1;

    private TransitionsCodec() {}

    public static byte[] encode(Transitions model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            Transitions.Config c = model.config();
            out.writeInt(c.window());
            out.writeDouble(c.decay());
            out.writeDouble(c.backward());
            out.writeInt(c.lastItems());
            out.writeDouble(c.recency());
            out.writeDouble(c.sourceNorm());
            out.writeDouble(c.targetNorm());
            out.writeInt(c.neighbours());
            float[] prior = model.prior();
            SparseRows links = model.links();
            out.writeInt(prior.length);
            for (float p : prior) out.writeFloat(p);
            for (int r = 0; r < links.rows(); r++) {
                int[] cols = links.columns(r);
                float[] vals = links.values(r);
                out.writeInt(cols.length);
                for (int k = 0; k < cols.length; k++) {
                    out.writeInt(cols[k]);
                    out.writeFloat(vals[k]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a transitions artifact of a known format */
    public static Transitions decode(byte[] artifact) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(artifact)))) {
            if (in.readInt() != MAGIC) throw new IllegalArgumentException("not a transitions model artifact");
            int format = in.readInt();
            if (format != FORMAT) throw new IllegalArgumentException("transitions model format " + format + " is not supported (expected " + FORMAT + ")");
            Transitions.Config config = new Transitions.Config(in.readInt(), in.readDouble(), in.readDouble(), in.readInt(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readInt());
            int items = in.readInt();
            if (items < 1 || items > 50_000_000) throw new IllegalArgumentException("transitions model: bad item count " + items);
            float[] prior = new float[items];
            for (int i = 0; i < items; i++) prior[i] = in.readFloat();
            int[][] columns = new int[items][];
            float[][] values = new float[items][];
            for (int r = 0; r < items; r++) {
                int n = in.readInt();
                if (n < 0 || n > items) throw new IllegalArgumentException("transitions model: row " + r + " has a bad length " + n);
                columns[r] = new int[n];
                values[r] = new float[n];
                for (int k = 0; k < n; k++) {
                    int col = in.readInt();
                    if (col < 0 || col >= items) throw new IllegalArgumentException("transitions model: row " + r + " links to item " + col + " outside 0.." + (items - 1));
                    columns[r][k] = col;
                    values[r][k] = in.readFloat();
                }
            }
            return Transitions.of(SparseRows.of(columns, values), config, prior);
        } catch (java.io.EOFException e) {
            throw new IllegalArgumentException("transitions model artifact is truncated", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("transitions model artifact cannot be read: " + e.getMessage(), e);
        }
    }
}
