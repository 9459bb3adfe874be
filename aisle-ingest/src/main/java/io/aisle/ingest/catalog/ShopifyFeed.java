package io.aisle.ingest.catalog;

import io.aisle.ingest.RowError;
import io.aisle.ingest.text.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shopify's product CSV export. Consecutive rows with the same Handle are one product: the first row carries the
 * product fields (Title, Body (HTML), Vendor...), each row with variant data (Variant SKU, Variant Price or an
 * option value) is a variant, and rows with only Image Src add images. Columns are matched without regard to
 * case; columns not listed in the README (metafields, market prices, SEO) are ignored.
 */
final class ShopifyFeed implements FeedReader {
    @Override public void read(InputStream in, ImportOptions options, FeedSink sink) throws IOException {
        try (CsvSource source = CsvSource.csv(in, MAX_RECORD)) {
            CsvSource.Row first = source.next();
            Header header = first == null ? null : Header.read(first, c -> c.strip().toLowerCase(Locale.ROOT), sink);
            if (header != null && !header.has(ShopifyProduct.HANDLE)) {
                sink.error(header.line(), "Handle", "column is missing; is this a Shopify product export?");
            } else if (header != null) {
                readRows(source, header, options, sink);
            }
            if (source.failure() != null) sink.error(source.failure().line(), RowError.RECORD, source.failure().reason());
        }
    }

    private static void readRows(CsvSource source, Header header, ImportOptions options, FeedSink sink) throws IOException {
        String handle = null;
        List<CsvSource.Row> rows = new ArrayList<>();
        for (CsvSource.Row row = source.next(); row != null; row = source.next()) {
            if (!sink.row(row.line())) break;
            if (!header.fits(row, sink)) continue;
            String h = header.get(row, ShopifyProduct.HANDLE);
            if (h.isEmpty()) {
                sink.error(row.line(), "Handle", "is required on every row");
                continue;
            }
            // Shopify writes a product's rows together; a handle seen again later is a second product with that
            // id, which the collector refuses as a repeat.
            if (!h.equals(handle)) {
                if (!rows.isEmpty()) new ShopifyProduct(header, rows, options).emit(sink);
                rows = new ArrayList<>();
                handle = h;
            }
            rows.add(row);
        }
        if (!rows.isEmpty()) new ShopifyProduct(header, rows, options).emit(sink);
    }
}
