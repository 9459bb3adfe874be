package io.aisle.ingest.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.json.Decoded;
import io.aisle.core.json.EventJson;
import io.aisle.core.validation.FieldError;
import io.aisle.ingest.RowError;
import io.aisle.ingest.text.CsvSource;
import io.aisle.ingest.text.JsonProblem;
import io.aisle.ingest.text.LineSource;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams an event file (JSONL or CSV) in chunks, so millions of events pass through with bounded memory. Every
 * event is decoded by {@link EventJson}, the same rules as the HTTP API; a bad line is reported with its line
 * number and field, and never stops the lines after it. Only an unreadable file throws.
 */
public final class EventFileReader {
    /** The longest line or CSV record read; far above any valid event. */
    public static final int MAX_RECORD = 1 << 20;

    private final EventJson codec;
    private final ObjectMapper mapper;

    public EventFileReader(EventJson codec, ObjectMapper mapper) {
        this.codec = codec;
        this.mapper = mapper;
    }

    /** Reads a file whose format is told by its extension or first character. */
    public EventReadSummary read(Path file, int chunkSize, EventChunkSink sink) throws IOException {
        return read(file, null, chunkSize, sink);
    }

    /** Reads a file in the given format, or the detected one when {@code format} is null. */
    public EventReadSummary read(Path file, EventFileFormat format, int chunkSize, EventChunkSink sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            EventFileFormat chosen = format != null ? format : EventFileFormat.detect(file.getFileName().toString(), head(in));
            return read(in, chosen, chunkSize, sink);
        }
    }

    /**
     * Reads a stream, handing {@code sink} a chunk whenever {@code chunkSize} events or {@code chunkSize} errors
     * have gathered, and a last partial chunk at the end.
     */
    public EventReadSummary read(InputStream in, EventFileFormat format, int chunkSize, EventChunkSink sink) throws IOException {
        if (chunkSize < 1) throw new IllegalArgumentException("chunkSize must be at least 1 (got " + chunkSize + ")");
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        EventFileFormat chosen = format != null ? format : EventFileFormat.detect(null, head(buffered));
        Chunker chunker = new Chunker(chunkSize, sink);
        if (chosen == EventFileFormat.JSONL) readJsonl(buffered, chunker);
        else readCsv(buffered, chunker);
        chunker.flush();
        return new EventReadSummary(chosen, chunker.rows, chunker.events, chunker.errors);
    }

    private void readJsonl(InputStream in, Chunker chunker) throws IOException {
        LineSource lines = new LineSource(in, MAX_RECORD);
        for (LineSource.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) continue;
            chunker.rows++;
            if (!line.readable()) {
                chunker.error(new RowError(line.number(), RowError.RECORD, line.problem()));
                continue;
            }
            JsonNode node;
            try {
                node = mapper.readTree(line.text());
            } catch (JsonProcessingException e) {
                chunker.error(new RowError(line.number(), RowError.RECORD, JsonProblem.describe(e)));
                continue;
            }
            String problem = JsonProblem.topLevelProblem(node);
            if (problem != null) chunker.error(new RowError(line.number(), RowError.RECORD, problem));
            else chunker.accept(line.number(), codec.decode(node, ""));
        }
    }

    private void readCsv(InputStream in, Chunker chunker) throws IOException {
        try (CsvSource source = CsvSource.csv(in, MAX_RECORD)) {
            CsvSource.Row header = source.next();
            EventCsv csv = header == null ? null : header(header, chunker);
            if (csv != null) {
                for (CsvSource.Row row = source.next(); row != null; row = source.next()) {
                    chunker.rows++;
                    if (row.cells().size() != header.cells().size()) {
                        chunker.error(new RowError(row.line(), RowError.RECORD, "has " + row.cells().size()
                                + " cells but the header has " + header.cells().size() + " columns"));
                        continue;
                    }
                    chunker.accept(row.line(), csv.decode(row.cells()));
                }
            }
            CsvSource.Failure failure = source.failure();
            if (failure != null) chunker.error(new RowError(failure.line(), RowError.RECORD, failure.reason()));
        }
    }

    /** Checks the header; null (after reporting why) when rows cannot be read under it. */
    private EventCsv header(CsvSource.Row header, Chunker chunker) {
        Map<String, Integer> columns = new HashMap<>();
        boolean usable = true;
        for (int i = 0; i < header.cells().size(); i++) {
            String spelled = header.cells().get(i).strip();
            String name = EventCsv.normalise(spelled);
            if (!EventCsv.COLUMNS.contains(name)) {
                chunker.error(new RowError(header.line(), spelled.isEmpty() ? "column " + (i + 1) : spelled,
                        "is not a known column (known: " + String.join(", ", EventCsv.COLUMNS) + ")"));
            } else if (columns.putIfAbsent(name, i) != null) {
                chunker.error(new RowError(header.line(), spelled, "appears twice in the header"));
                usable = false;
            }
        }
        for (String required : EventCsv.REQUIRED) {
            if (!columns.containsKey(required)) {
                chunker.error(new RowError(header.line(), required, "column is missing"));
                usable = false;
            }
        }
        if (!columns.containsKey("shopper_id") && !columns.containsKey("anonymous_id")) {
            chunker.error(new RowError(header.line(), "shopper_id", "column is missing; a shopper_id or anonymous_id column is required"));
            usable = false;
        }
        return usable ? new EventCsv(codec, mapper, columns) : null;
    }

    private static String head(InputStream in) throws IOException {
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        return new String(head, StandardCharsets.UTF_8);
    }

    /** Gathers events and errors and hands them on in chunks. */
    private static final class Chunker {
        private final int size;
        private final EventChunkSink sink;
        private List<ShopperEvent> pendingEvents = new ArrayList<>();
        private List<RowError> pendingErrors = new ArrayList<>();
        long rows;
        long events;
        long errors;

        Chunker(int size, EventChunkSink sink) {
            this.size = size;
            this.sink = sink;
        }

        void accept(long line, Decoded<ShopperEvent> decoded) {
            if (decoded.isValid()) {
                events++;
                pendingEvents.add(decoded.value());
                if (pendingEvents.size() >= size) flush();
            } else {
                for (FieldError e : decoded.errors()) error(new RowError(line, e.field(), e.reason()));
            }
        }

        void error(RowError error) {
            errors++;
            pendingErrors.add(error);
            if (pendingErrors.size() >= size) flush();
        }

        void flush() {
            if (pendingEvents.isEmpty() && pendingErrors.isEmpty()) return;
            EventChunk chunk = new EventChunk(pendingEvents, pendingErrors);
            pendingEvents = new ArrayList<>();
            pendingErrors = new ArrayList<>();
            sink.accept(chunk);
        }
    }
}
