package io.aisle.search.index;

import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;
import org.apache.lucene.util.BitUtil;

import java.io.EOFException;
import java.io.IOException;

/**
 * A finished in-memory file (or a slice of one) read from one byte array: cloning and slicing copy three numbers,
 * and multi-byte numbers are read in one step (little-endian, as Lucene writes them). Like every Lucene input, one
 * instance is for one thread; clones share the array.
 */
final class ByteArrayInput extends IndexInput implements RandomAccessInput {
    private final byte[] bytes;
    private final int offset;
    private final int length;
    /** Position relative to {@link #offset}. */
    private int pos;

    ByteArrayInput(String description, byte[] bytes, int offset, int length) {
        super(description);
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    @Override public void close() {}

    @Override public long getFilePointer() { return pos; }

    @Override public void seek(long to) throws IOException {
        if (to < 0 || to > length) throw new EOFException("seek to " + to + " outside 0.." + length + ": " + this);
        pos = (int) to;
    }

    @Override public long length() { return length; }

    @Override public IndexInput slice(String description, long from, long size) {
        if (from < 0 || size < 0 || from + size > length) {
            throw new IllegalArgumentException("slice " + description + " [" + from + ", +" + size + ") outside 0.." + length + ": " + this);
        }
        return new ByteArrayInput(getFullSliceDescription(description), bytes, offset + (int) from, (int) size);
    }

    @Override public byte readByte() throws IOException {
        if (pos >= length) throw eof(pos, 1);
        return bytes[offset + pos++];
    }

    @Override public void readBytes(byte[] b, int at, int len) throws IOException {
        if (len > length - pos) throw eof(pos, len);
        System.arraycopy(bytes, offset + pos, b, at, len);
        pos += len;
    }

    @Override public short readShort() throws IOException {
        short v = readShort(pos);
        pos += Short.BYTES;
        return v;
    }

    @Override public int readInt() throws IOException {
        int v = readInt(pos);
        pos += Integer.BYTES;
        return v;
    }

    @Override public long readLong() throws IOException {
        long v = readLong(pos);
        pos += Long.BYTES;
        return v;
    }

    @Override public byte readByte(long at) throws IOException { return bytes[index(at, 1)]; }

    @Override public short readShort(long at) throws IOException { return (short) BitUtil.VH_LE_SHORT.get(bytes, index(at, Short.BYTES)); }

    @Override public int readInt(long at) throws IOException { return (int) BitUtil.VH_LE_INT.get(bytes, index(at, Integer.BYTES)); }

    @Override public long readLong(long at) throws IOException { return (long) BitUtil.VH_LE_LONG.get(bytes, index(at, Long.BYTES)); }

    @Override public void readBytes(long at, byte[] b, int to, int len) throws IOException {
        System.arraycopy(bytes, index(at, len), b, to, len);
    }

    @Override public ByteArrayInput clone() { return (ByteArrayInput) super.clone(); }

    /** The array index of {@code size} bytes at {@code at}, which must lie inside this input. */
    private int index(long at, int size) throws EOFException {
        if (at < 0 || at > length - size) throw eof(at, size);
        return offset + (int) at;
    }

    private EOFException eof(long at, int size) {
        return new EOFException("read of " + size + " bytes at " + at + " past the end (" + length + "): " + this);
    }
}
