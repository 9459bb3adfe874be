package io.aisle.ingest.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.ingest.RowError;
import io.aisle.ingest.text.JsonProblem;
import io.aisle.ingest.text.LineSource;

import java.io.IOException;
import java.io.InputStream;

/** One wire-form product per line, read with the strict Aisle mapper; blank lines are skipped. */
final class JsonlFeed implements FeedReader {
    private final ObjectMapper mapper;

    JsonlFeed(ObjectMapper mapper) { this.mapper = mapper; }

    @Override public void read(InputStream in, ImportOptions options, FeedSink sink) throws IOException {
        eachLine(mapper, in, sink, (line, node) -> sink.product(WireProduct.ofWire(line, node)));
    }

    /** What a JSON-lines feed does with one parsed line. */
    interface LineHandler {
        void accept(long line, JsonNode node);
    }

    /** Reads JSON lines: skips blank ones, reports unreadable or non-JSON ones, hands the rest to {@code handler}. */
    static void eachLine(ObjectMapper mapper, InputStream in, FeedSink sink, LineHandler handler) throws IOException {
        LineSource lines = new LineSource(in, MAX_RECORD);
        for (LineSource.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.isBlank()) continue;
            if (!sink.row(line.number())) return;
            if (!line.readable()) {
                sink.error(line.number(), RowError.RECORD, line.problem());
                continue;
            }
            JsonNode node = parse(mapper, line, sink);
            if (node != null) handler.accept(line.number(), node);
        }
    }

    /** The line as a JSON tree, or null after reporting why it is not JSON. */
    static JsonNode parse(ObjectMapper mapper, LineSource.Line line, FeedSink sink) {
        try {
            JsonNode node = mapper.readTree(line.text());
            String problem = JsonProblem.topLevelProblem(node);
            if (problem == null) return node;
            sink.error(line.number(), RowError.RECORD, problem);
            return null;
        } catch (JsonProcessingException e) {
            sink.error(line.number(), RowError.RECORD, JsonProblem.describe(e));
            return null;
        }
    }
}
