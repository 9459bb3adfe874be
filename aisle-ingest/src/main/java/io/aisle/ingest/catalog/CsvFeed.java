package io.aisle.ingest.catalog;

import io.aisle.ingest.RowError;
import io.aisle.ingest.text.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Aisle's flat CSV: a header row, then one product per row. Columns id, parent_id, title, description, brand,
 * category_path ("A &gt; B"), price, currency, images ("|"), url, stock ("store-1:5|web:10" or a plain count at
 * location "default"), and {@code attr.<name>} for attributes. Any other column is refused, so a misspelt column
 * is caught rather than silently dropped.
 */
final class CsvFeed implements FeedReader {
    static final String ATTRIBUTE_PREFIX = "attr.";
    static final String DEFAULT_LOCATION = "default";
    private static final List<String> COLUMNS = List.of("id", "parent_id", "title", "description", "brand",
            "category_path", "price", "currency", "images", "url", "stock");
    private static final Set<String> REQUIRED = Set.of("id", "title", "price");

    @Override public void read(InputStream in, ImportOptions options, FeedSink sink) throws IOException {
        try (CsvSource source = CsvSource.csv(in, MAX_RECORD)) {
            CsvSource.Row first = source.next();
            Header header = first == null ? null : Header.read(first, CsvFeed::normalise, sink);
            if (header != null && checkHeader(header, sink)) {
                for (CsvSource.Row row = source.next(); row != null; row = source.next()) {
                    if (!sink.row(row.line())) return;
                    if (header.fits(row, sink)) sink.product(product(header, row, options));
                }
            }
            if (source.failure() != null) sink.error(source.failure().line(), RowError.RECORD, source.failure().reason());
        }
    }

    // Attribute names keep their case ("attr.Screen Size"); the fixed columns do not care about it.
    private static String normalise(String column) {
        String c = column.strip();
        return c.regionMatches(true, 0, ATTRIBUTE_PREFIX, 0, ATTRIBUTE_PREFIX.length())
                ? ATTRIBUTE_PREFIX + c.substring(ATTRIBUTE_PREFIX.length()) : c.toLowerCase(Locale.ROOT);
    }

    /** Reports unknown and missing columns; false when a required one is missing, as every row would fail. */
    private static boolean checkHeader(Header header, FeedSink sink) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.names().get(i);
            if (!name.isBlank() && !COLUMNS.contains(name) && !name.startsWith(ATTRIBUTE_PREFIX)) {
                sink.error(header.line(), header.spelled(i), "is not a known column (known: " + String.join(", ", COLUMNS)
                        + "; attributes go in attr.<name> columns)");
            }
        }
        boolean complete = true;
        for (String required : COLUMNS) {
            if (REQUIRED.contains(required) && !header.has(required)) {
                sink.error(header.line(), required, "column is missing; the header needs id, title and price");
                complete = false;
            }
        }
        return complete;
    }

    private static WireProduct product(Header h, CsvSource.Row row, ImportOptions options) {
        WireProduct w = WireProduct.at(row.line())
                .text("id", h.get(row, "id"), "id")
                .text("parent_id", h.get(row, "parent_id"), "parent_id")
                .text("title", h.get(row, "title"), "title")
                .text("description", h.get(row, "description"), "description")
                .text("brand", h.get(row, "brand"), "brand")
                .texts("category_path", Cells.categoryPath(h.get(row, "category_path")), "category_path")
                .text("price", h.get(row, "price"), "price")
                .texts("images", Cells.split(h.get(row, "images"), "\\|"), "images")
                .text("url", h.get(row, "url"), "url");
        String currency = h.get(row, "currency");
        w.text("currency", currency.isEmpty() ? options.defaultCurrency() : currency, "currency");
        stock(h.get(row, "stock"), w, "stock");
        for (int i = 0; i < h.size(); i++) {
            String column = h.names().get(i);
            if (column.startsWith(ATTRIBUTE_PREFIX)) {
                w.attribute(column.substring(ATTRIBUTE_PREFIX.length()), Cells.inferred(row.cell(i)), h.spelled(i));
            }
        }
        return w;
    }

    /** "5" (at location "default") or "store-1:5|web:10". */
    static void stock(String cell, WireProduct w, String source) {
        if (Cells.blank(cell)) return;
        w.source("stock", source);
        if (cell.indexOf(':') < 0 && cell.indexOf('|') < 0) {
            w.stock().set(DEFAULT_LOCATION, Cells.wholeNumber(cell));
            return;
        }
        for (String entry : Cells.split(cell, "\\|")) {
            int colon = entry.lastIndexOf(':');
            if (colon < 0) {
                w.problem(source, "entry '" + Cells.abbreviate(entry) + "' must be location:units, e.g. store-1:5");
                continue;
            }
            String location = entry.substring(0, colon).strip();
            if (w.stock().has(location)) w.problem(source, "location '" + Cells.abbreviate(location) + "' appears twice");
            else w.stock().set(location, Cells.wholeNumber(entry.substring(colon + 1)));
        }
    }
}
