package io.aisle.ingest.text;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads delimited text (CSV, TSV) record by record, giving each record the line it starts on (records may span
 * lines inside quotes). Blank lines are skipped. A record longer than the cap, bytes that are not UTF-8, or broken
 * quoting end the reading with a {@link #failure()}, since a parser cannot find the next record reliably after them.
 */
public final class CsvSource implements Closeable {
    /** One record and the line it starts on. */
    public record Row(long line, List<String> cells) {
        public Row { cells = List.copyOf(cells); }

        public String cell(int index) { return index < cells.size() ? cells.get(index) : ""; }
    }

    /** Why reading stopped early: the line where the unreadable record starts, and the reason. */
    public record Failure(long line, String reason) {}

    private final BudgetReader budget;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private Failure failure;

    private CsvSource(Reader reader, CSVFormat format, int maxRecordChars) throws IOException {
        this.budget = new BudgetReader(reader, maxRecordChars);
        this.parser = CSVParser.builder().setReader(budget).setFormat(format).get();
        this.records = parser.iterator();
    }

    /** Comma-separated values with RFC 4180 quoting. */
    public static CsvSource csv(InputStream in, int maxRecordChars) throws IOException {
        return new CsvSource(Utf8.reader(in), format(','), maxRecordChars);
    }

    /**
     * Tab-separated values without quoting, as Merchant Center text feeds are written: a value cannot hold a tab
     * or a line break, and a quote is an ordinary character (a title may well start with one).
     */
    public static CsvSource tsv(InputStream in, int maxRecordChars) throws IOException {
        return new CsvSource(Utf8.reader(in), format('\t').builder().setQuote(null).get(), maxRecordChars);
    }

    // Empty lines are kept as records (and skipped here) so the parser's line count stays true to the file.
    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    }

    /** The next non-blank record, or null at the end or after a failure. */
    public Row next() throws IOException {
        while (failure == null) {
            long line = parser.getCurrentLineNumber() + 1;
            budget.reset();
            CSVRecord record;
            try {
                record = records.next();
            } catch (NoSuchElementException e) {
                return null;
            } catch (UncheckedIOException e) {
                failure = new Failure(line, describe(e.getCause()));
                return null;
            }
            List<String> cells = new ArrayList<>(record.size());
            boolean blank = true;
            for (String cell : record) {
                cells.add(cell);
                if (!cell.isBlank()) blank = false;
            }
            if (!blank || cells.size() > 1) return new Row(line, cells);
        }
        return null;
    }

    /** Why reading stopped before the end, or null when it did not. */
    public Failure failure() { return failure; }

    private static String describe(IOException e) throws IOException {
        if (e instanceof RecordTooLongException) return e.getMessage();
        if (e instanceof CharacterCodingException) return "is not valid UTF-8";
        if (e instanceof CSVException) return "is not valid CSV (" + e.getMessage() + ")";
        throw e;
    }

    @Override public void close() throws IOException { parser.close(); }

    /** Refuses to read more than a set number of characters between two resets, so one record cannot fill memory. */
    private static final class BudgetReader extends FilterReader {
        // The parser reads ahead in blocks, so the budget allows one block of slack beyond the record cap.
        private static final int READ_AHEAD = 1 << 14;
        private final long limit;
        private final int maxRecordChars;
        private long used;

        BudgetReader(Reader in, int maxRecordChars) {
            super(in);
            if (maxRecordChars < 1) throw new IllegalArgumentException("maxRecordChars must be at least 1");
            this.maxRecordChars = maxRecordChars;
            this.limit = (long) maxRecordChars + READ_AHEAD;
        }

        @Override public void reset() { used = 0; }

        @Override public int read() throws IOException {
            int c = super.read();
            if (c != -1) spend(1);
            return c;
        }

        @Override public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) spend(n);
            return n;
        }

        private void spend(int n) throws RecordTooLongException {
            used += n;
            if (used > limit) throw new RecordTooLongException("is longer than " + maxRecordChars + " characters (or has an unclosed quote)");
        }
    }

    private static final class RecordTooLongException extends IOException {
        RecordTooLongException(String message) { super(message); }
    }
}
