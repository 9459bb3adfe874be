package io.aisle.embeddings;

import io.aisle.core.catalog.ProductId;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stored form of a set of item vectors: ids, an optional 64-bit hash per item, a row-major float32 matrix and
 * optional float64 extras (e.g. a Gram matrix). Little-endian layout, version 1:
 * <pre>
 * "AVEC" | int32 version | int32 dimension | int32 count | int32 flags (bit 0: hashes) | int32 extras
 * count x (uint16 length, UTF-8 id) | [count x int64 hash] | count x dimension x float32 | extras x float64
 * </pre>
 * 50,000 vectors of 384 floats take about 77 MB; ids add about 9 bytes each.
 *
 * @param matrix row {@code i} (from {@code i * dimension}) is the vector of {@code ids.get(i)}
 * @param hashes one per id, or null
 * @param extras model-specific numbers, empty when none
 */
public record VectorArtifact(int dimension, List<ProductId> ids, float[] matrix, long[] hashes, double[] extras) {
    private static final int MAGIC = 0x43455641; // "AVEC" read little-endian
    private static final int VERSION = 1;

    public VectorArtifact {
        ids = List.copyOf(ids);
        Objects.requireNonNull(matrix, "matrix");
        extras = extras == null ? new double[0] : extras;
        if (dimension < 1) throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        if ((long) ids.size() * dimension != matrix.length) {
            throw new IllegalArgumentException("matrix holds " + matrix.length + " floats, expected " + ids.size() + " x " + dimension);
        }
        if (hashes != null && hashes.length != ids.size()) {
            throw new IllegalArgumentException(hashes.length + " hashes for " + ids.size() + " ids");
        }
    }

    public byte[] encode() {
        List<byte[]> idBytes = new ArrayList<>(ids.size());
        long size = 24L + (long) matrix.length * 4 + (hashes == null ? 0 : hashes.length * 8L) + extras.length * 8L;
        for (ProductId id : ids) {
            byte[] b = id.value().getBytes(StandardCharsets.UTF_8);
            if (b.length > 0xFFFF) throw new IllegalArgumentException("id longer than 65535 bytes: " + id);
            idBytes.add(b);
            size += 2 + b.length;
        }
        if (size > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("artifact of " + size + " bytes is too large for one array");
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(MAGIC).putInt(VERSION).putInt(dimension).putInt(ids.size()).putInt(hashes == null ? 0 : 1).putInt(extras.length);
        for (byte[] b : idBytes) buf.putShort((short) b.length).put(b);
        if (hashes != null) buf.asLongBuffer().put(hashes);
        buf.position(buf.position() + (hashes == null ? 0 : hashes.length * 8));
        buf.asFloatBuffer().put(matrix);
        buf.position(buf.position() + matrix.length * 4);
        buf.asDoubleBuffer().put(extras);
        return buf.array();
    }

    /** Reads what {@link #encode()} wrote; refuses anything else with a message naming what is wrong. */
    public static VectorArtifact decode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (buf.getInt() != MAGIC) throw new IllegalArgumentException("not a vector artifact (bad magic)");
            int version = buf.getInt();
            if (version != VERSION) throw new IllegalArgumentException("unsupported vector artifact version " + version);
            int dimension = buf.getInt(), count = buf.getInt(), flags = buf.getInt(), extraCount = buf.getInt();
            if (dimension < 1 || count < 0 || extraCount < 0) throw new IllegalArgumentException("corrupt vector artifact header");
            List<ProductId> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] b = new byte[Short.toUnsignedInt(buf.getShort())];
                buf.get(b);
                ids.add(ProductId.of(new String(b, StandardCharsets.UTF_8)));
            }
            long[] hashes = null;
            if ((flags & 1) != 0) {
                hashes = new long[count];
                buf.asLongBuffer().get(hashes);
                buf.position(buf.position() + count * 8);
            }
            float[] matrix = new float[Math.multiplyExact(count, dimension)];
            buf.asFloatBuffer().get(matrix);
            buf.position(buf.position() + matrix.length * 4);
            double[] extras = new double[extraCount];
            buf.asDoubleBuffer().get(extras);
            buf.position(buf.position() + extraCount * 8);
            if (buf.hasRemaining()) throw new IllegalArgumentException(buf.remaining() + " unexpected bytes after the vector artifact");
            return new VectorArtifact(dimension, ids, matrix, hashes, extras);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("vector artifact is truncated", e);
        }
    }
}
