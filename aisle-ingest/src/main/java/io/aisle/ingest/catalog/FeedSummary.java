package io.aisle.ingest.catalog;

import io.aisle.ingest.RowError;

import java.util.List;

/**
 * What a chunked read did: products went to the sink chunk by chunk, this holds the counts and errors.
 *
 * @param format        the format read, or null when it could not be told
 * @param productsRead  valid products handed to the sink
 * @param errors        the first {@code maxErrors} errors, in file order
 * @param errorCount    all errors, including those past {@code maxErrors}
 * @param rowsRead      data records read
 */
public record FeedSummary(CatalogFormat format, long productsRead, List<RowError> errors, long errorCount, long rowsRead) {
    public FeedSummary { errors = List.copyOf(errors); }

    public boolean isClean() { return errorCount == 0; }
}
