package io.aisle.ingest.catalog;

import io.aisle.core.catalog.Product;
import io.aisle.ingest.RowError;

import java.util.List;

/**
 * A whole feed read into memory: the products that decoded and every error found. The catalogue should only be
 * written when {@link #isClean()}; the products of a feed with errors are there to report on, not to store.
 *
 * @param format     the format read, or null when it could not be told (then {@code errors} says so)
 * @param errors     the first {@code maxErrors} errors, in file order
 * @param errorCount all errors, including those past {@code maxErrors}
 * @param rowsRead   data records read (rows, lines or XML items; headers and blank lines not counted)
 */
public record FeedResult(CatalogFormat format, List<Product> products, List<RowError> errors, long errorCount, long rowsRead) {
    public FeedResult {
        products = List.copyOf(products);
        errors = List.copyOf(errors);
    }

    /** No errors at all: the feed may be written as one batch. */
    public boolean isClean() { return errorCount == 0; }
}
