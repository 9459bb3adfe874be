package io.aisle.ingest.catalog;

import io.aisle.ingest.text.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The header row of a delimited feed: column positions by (normalised) name, as the file spells them. */
final class Header {
    private final long line;
    private final List<String> names;
    private final List<String> spelled;
    private final Map<String, Integer> index = new HashMap<>();

    private Header(long line, List<String> spelled, UnaryOperator<String> normalise) {
        this.line = line;
        this.spelled = spelled;
        this.names = spelled.stream().map(normalise).toList();
    }

    /** Reads the header, reporting blank and repeated column names (a repeated column would hide one of the two). */
    static Header read(CsvSource.Row row, UnaryOperator<String> normalise, FeedSink sink) {
        Header h = new Header(row.line(), row.cells(), normalise);
        for (int i = 0; i < h.names.size(); i++) {
            String name = h.names.get(i);
            if (name.isBlank()) {
                sink.error(row.line(), "column " + (i + 1), "has no name in the header");
            } else if (h.index.putIfAbsent(name, i) != null) {
                sink.error(row.line(), h.spelled.get(i).strip(), "appears twice in the header");
            }
        }
        return h;
    }

    long line() { return line; }

    int size() { return names.size(); }

    List<String> names() { return names; }

    /** The column's name as the file writes it. */
    String spelled(int i) { return spelled.get(i).strip(); }

    boolean has(String name) { return index.containsKey(name); }

    /** The stripped cell under the column, or "" when the column is absent. */
    String get(CsvSource.Row row, String name) {
        Integer i = index.get(name);
        return i == null ? "" : row.cell(i).strip();
    }

    /** Reports and refuses a row whose cell count differs from the header's, since its columns cannot be trusted. */
    boolean fits(CsvSource.Row row, FeedSink sink) {
        if (row.cells().size() == names.size()) return true;
        sink.error(row.line(), io.aisle.ingest.RowError.RECORD,
                "has " + row.cells().size() + " cells but the header has " + names.size() + " columns");
        return false;
    }
}
