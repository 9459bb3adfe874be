package io.aisle.search.index;

import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.SingleInstanceLockFactory;

/** The in-memory directory the product index lives in: each finished file is read from one byte array. */
public final class MemoryDirectory {
    /** Larger files keep Lucene's layout (one array holds at most 2 GiB). */
    private static final long MAX_ARRAY_BYTES = 1L << 30;

    private MemoryDirectory() {}

    /**
     * A {@link ByteBuffersDirectory} whose finished files are read by {@link ByteArrayInput}. Lucene keeps a file in up
     * to a hundred or so small buffers, and every clone or slice of an input (one per posting list, norms or stored
     * fields reader a search opens, per segment) duplicates every buffer it spans; profiling put that at about 13% of
     * a lexical search's CPU. Its own one-buffer layout avoids that but then reads every number byte by byte.
     */
    public static ByteBuffersDirectory create() {
        return new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new, MemoryDirectory::input);
    }

    private static IndexInput input(String name, ByteBuffersDataOutput output) {
        long size = output.size();
        if (size > MAX_ARRAY_BYTES) return ByteBuffersDirectory.OUTPUT_AS_MANY_BUFFERS.apply(name, output);
        return new ByteArrayInput("ByteArrayInput(file=" + name + ")", output.toArrayCopy(), 0, (int) size);
    }
}
