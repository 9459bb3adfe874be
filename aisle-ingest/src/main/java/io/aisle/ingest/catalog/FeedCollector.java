package io.aisle.ingest.catalog;

import io.aisle.core.catalog.Product;
import io.aisle.core.json.Decoded;
import io.aisle.core.json.ProductJson;
import io.aisle.core.validation.FieldError;
import io.aisle.ingest.RowError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Validates what a reader produces, refuses ids seen earlier in the same feed, keeps the first errors and counts
 * the rest, and hands valid products on in chunks.
 */
final class FeedCollector implements FeedSink {
    private final ProductJson codec;
    private final ImportOptions options;
    private final Consumer<List<Product>> chunkSink;
    private final int chunkSize;
    // The first line of every id, so a repeat can point back at it; one entry per product, far smaller than it.
    private final Map<String, Long> firstLineOfId = new HashMap<>();
    private final List<RowError> errors = new ArrayList<>();
    private List<Product> chunk = new ArrayList<>();
    private long errorCount;
    private long rows;
    private long products;
    private boolean capped;

    FeedCollector(ProductJson codec, ImportOptions options, Consumer<List<Product>> chunkSink, int chunkSize) {
        if (chunkSize < 1) throw new IllegalArgumentException("chunkSize must be at least 1 (got " + chunkSize + ")");
        this.codec = codec;
        this.options = options;
        this.chunkSink = chunkSink;
        this.chunkSize = chunkSize;
    }

    @Override public boolean row(long line) {
        if (capped) return false;
        if (rows >= options.maxRows()) {
            capped = true;
            error(line, RowError.RECORD, "the feed has more than " + options.maxRows() + " records; split it or raise the row limit");
            return false;
        }
        rows++;
        return true;
    }

    @Override public void product(WireProduct wire) {
        Decoded<Product> d = wire.decode(codec);
        if (!d.isValid()) {
            for (FieldError e : d.errors()) error(wire.line(), e.field(), e.reason());
            return;
        }
        Product p = d.value();
        Long first = firstLineOfId.putIfAbsent(p.id().value(), wire.line());
        if (first != null) {
            error(wire.line(), "id", "'" + Cells.abbreviate(p.id().value()) + "' appears twice in the feed (first on line " + first + ")");
            return;
        }
        products++;
        chunk.add(p);
        if (chunk.size() >= chunkSize) flush();
    }

    @Override public void error(long line, String field, String reason) {
        errorCount++;
        if (errors.size() < options.maxErrors()) errors.add(new RowError(line, field, reason));
    }

    /** Hands on the last, partial chunk. */
    void finish() {
        if (!chunk.isEmpty()) flush();
    }

    private void flush() {
        List<Product> full = chunk;
        chunk = new ArrayList<>();
        chunkSink.accept(List.copyOf(full));
    }

    List<RowError> errors() { return errors; }

    long errorCount() { return errorCount; }

    long rows() { return rows; }

    long products() { return products; }
}
