package io.aisle.ingest.catalog;

import io.aisle.ingest.RowError;
import io.aisle.ingest.text.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Google Merchant Center text feed: tab-separated, a header of GMC attribute names ("g:" prefixes, spaces and case
 * are forgiven), one item per row. Several additional images go comma-separated in one cell, as GMC documents.
 */
final class GmcTsvFeed implements FeedReader {
    @Override public void read(InputStream in, ImportOptions options, FeedSink sink) throws IOException {
        try (CsvSource source = CsvSource.tsv(in, MAX_RECORD)) {
            CsvSource.Row first = source.next();
            Header header = first == null ? null : Header.read(first, GmcTsvFeed::normalise, sink);
            if (header != null && !header.has("id")) {
                sink.error(header.line(), "id", "column is missing; every GMC item needs an id");
            } else if (header != null) {
                for (CsvSource.Row row = source.next(); row != null; row = source.next()) {
                    if (!sink.row(row.line())) return;
                    if (header.fits(row, sink)) sink.product(GmcFields.product(row.line(), item(header, row), options));
                }
            }
            if (source.failure() != null) sink.error(source.failure().line(), RowError.RECORD, source.failure().reason());
        }
    }

    static String normalise(String column) {
        String c = column.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        return c.startsWith("g:") ? c.substring(2) : c;
    }

    private static Map<String, List<String>> item(Header header, CsvSource.Row row) {
        Map<String, List<String>> item = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.names().get(i);
            String value = row.cell(i);
            if (name.isBlank() || Cells.blank(value) || item.containsKey(name)) continue;
            item.put(name, name.equals("additional_image_link") ? Cells.split(value, ",") : List.of(value));
        }
        return item;
    }
}
