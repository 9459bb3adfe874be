package io.aisle.ingest.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding that also drops the byte-order mark spreadsheet tools put at the start of files. */
public final class Utf8 {
    private Utf8() {}

    /** A decoder that refuses malformed bytes instead of silently turning them into U+FFFD. */
    public static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The stream without a leading UTF-8 byte-order mark, if it had one. */
    public static InputStream withoutBom(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] head = pushback.readNBytes(3);
        boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        if (!bom) pushback.unread(head);
        return pushback;
    }

    /** A strict reader over the stream, byte-order mark removed. */
    public static Reader reader(InputStream in) throws IOException {
        return new InputStreamReader(withoutBom(in), strictDecoder());
    }
}
