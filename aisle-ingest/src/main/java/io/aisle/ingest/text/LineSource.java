package io.aisle.ingest.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.util.Arrays;

/**
 * Reads a UTF-8 stream line by line with 1-based line numbers. Lines are split on the byte {@code \n} (which never
 * occurs inside a multi-byte UTF-8 sequence) and decoded one at a time, so a badly encoded line is reported and the
 * next one still reads; a line longer than the cap is skipped without being held in memory.
 */
public final class LineSource implements Closeable {
    /** One line: its text, or why it could not be read. */
    public record Line(long number, String text, String problem) {
        public boolean readable() { return problem == null; }

        public boolean isBlank() { return text != null && text.isBlank(); }
    }

    private final InputStream in;
    private final int maxBytes;
    private final CharsetDecoder decoder = Utf8.strictDecoder();
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private long number;
    private boolean ended;

    /** @param maxBytes the longest line accepted, in bytes */
    public LineSource(InputStream in, int maxBytes) throws IOException {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be at least 1");
        this.in = Utf8.withoutBom(in);
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    public Line next() throws IOException {
        if (ended) return null;
        length = 0;
        boolean tooLong = false;
        boolean newline = false;
        while (!newline) {
            if (position == limit && !fill()) break;
            int start = position;
            while (position < limit && buffer[position] != '\n') position++;
            int chunk = position - start;
            if (position < limit) {
                newline = true;
                position++;
            }
            if (tooLong || length + chunk > maxBytes) tooLong = true;
            else append(start, chunk);
        }
        if (!newline) {
            ended = true;
            if (length == 0 && !tooLong) return null;
        }
        number++;
        if (tooLong) return new Line(number, null, "is longer than " + maxBytes + " bytes");
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        try {
            return new Line(number, decoder.decode(ByteBuffer.wrap(line, 0, end)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "is not valid UTF-8");
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) return false;
        position = 0;
        limit = n;
        return true;
    }

    private void append(int start, int count) {
        if (length + count > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        System.arraycopy(buffer, start, line, length, count);
        length += count;
    }

    @Override public void close() throws IOException { in.close(); }
}
