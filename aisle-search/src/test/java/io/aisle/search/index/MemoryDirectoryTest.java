package io.aisle.search.index;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.RandomAccessInput;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryDirectoryTest {
    private static final int VALUES = 5_000;

    /** Writes a mix of value kinds, enough to span many of Lucene's own buffers. */
    private static void write(Directory dir, long seed) throws IOException {
        Random r = new Random(seed);
        try (IndexOutput out = dir.createOutput("f", IOContext.DEFAULT)) {
            for (int i = 0; i < VALUES; i++) {
                out.writeByte((byte) r.nextInt());
                out.writeShort((short) r.nextInt());
                out.writeInt(r.nextInt());
                out.writeLong(r.nextLong());
                out.writeVInt(r.nextInt(1 << 20));
                out.writeString("value " + i);
            }
        }
    }

    private static void readAll(IndexInput in, long seed) throws IOException {
        Random r = new Random(seed);
        for (int i = 0; i < VALUES; i++) {
            assertThat(in.readByte()).isEqualTo((byte) r.nextInt());
            assertThat(in.readShort()).isEqualTo((short) r.nextInt());
            assertThat(in.readInt()).isEqualTo(r.nextInt());
            assertThat(in.readLong()).isEqualTo(r.nextLong());
            assertThat(in.readVInt()).isEqualTo(r.nextInt(1 << 20));
            assertThat(in.readString()).isEqualTo("value " + i);
        }
        assertThat(in.getFilePointer()).isEqualTo(in.length());
    }

    @Test void readsBackWhatWasWrittenFromArrays() throws IOException {
        try (Directory dir = MemoryDirectory.create()) {
            write(dir, 7);
            try (IndexInput in = dir.openInput("f", IOContext.DEFAULT)) {
                assertThat(in).isInstanceOf(ByteArrayInput.class);
                readAll(in, 7);
                assertThatThrownBy(in::readByte).isInstanceOf(EOFException.class);
                in.seek(0);
                readAll(in.clone(), 7);
                // The clone moved, the original did not.
                assertThat(in.getFilePointer()).isZero();
            }
        }
    }

    @Test void slicesAndRandomAccessSeeTheSameBytesAsSequentialReads() throws IOException {
        try (Directory dir = MemoryDirectory.create()) {
            write(dir, 11);
            try (IndexInput in = dir.openInput("f", IOContext.DEFAULT)) {
                long from = 1_001;
                long size = in.length() - 2_003;
                IndexInput slice = in.slice("part", from, size);
                RandomAccessInput random = in.randomAccessSlice(from, size);
                assertThat(slice.length()).isEqualTo(size);
                for (long at = 0; at + Long.BYTES <= size; at += 997) {
                    in.seek(from + at);
                    slice.seek(at);
                    long expected = in.readLong();
                    assertThat(slice.readLong()).isEqualTo(expected);
                    assertThat(random.readLong(at)).isEqualTo(expected);
                    in.seek(from + at);
                    assertThat(random.readInt(at)).isEqualTo(in.readInt());
                    in.seek(from + at);
                    assertThat(random.readShort(at)).isEqualTo(in.readShort());
                    in.seek(from + at);
                    assertThat(random.readByte(at)).isEqualTo(in.readByte());
                }
                assertThatThrownBy(() -> random.readLong(size - 4)).isInstanceOf(EOFException.class);
                assertThatThrownBy(() -> slice.seek(size + 1)).isInstanceOf(EOFException.class);
                assertThatThrownBy(() -> in.slice("too long", from, in.length())).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
