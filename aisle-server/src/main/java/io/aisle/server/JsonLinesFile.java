package io.aisle.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of JSON documents, one per line, each forced to disk before {@link #append} returns: the store of
 * the server's ledgers, nothing ever rewritten. A torn last line from a crash is skipped on {@link #read}; any other
 * unreadable line fails it, naming the file and the line. Thread-safe within one process (one writer per file).
 */
public final class JsonLinesFile {
    private final Path file;
    private final ObjectMapper mapper;

    public JsonLinesFile(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    public Path path() { return file; }

    /**
     * Appends one line and forces it to disk. When the write fails part way (a full disk), the file is cut back to
     * where it was, so a torn line never ends up before later, whole ones, where it would fail the next start.
     */
    public synchronized void append(JsonNode entry) {
        byte[] line = (entry.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long before = ch.size();
            try {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) ch.write(buf, before + buf.position());
                ch.force(true);
            } catch (IOException e) {
                try {
                    ch.truncate(before);
                } catch (IOException cut) {
                    e.addSuppressed(cut);
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** Every entry in order; none when the file does not exist yet. */
    public synchronized List<JsonNode> read() {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> lines = in.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                try {
                    out.add(mapper.readTree(lines.get(i)));
                } catch (IOException e) {
                    if (i == lines.size() - 1) break; // a write cut short by a crash
                    throw new IllegalStateException(file + ": line " + (i + 1) + " is not JSON: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }
}
