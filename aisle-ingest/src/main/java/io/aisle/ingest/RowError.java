package io.aisle.ingest;

import java.util.Objects;

/**
 * One refused line or record of an input file: where it starts, which field or column, and why.
 *
 * @param line  the 1-based line the record starts on (for XML feeds, the line of its {@code <item>}); 0 for a
 *              problem with the whole file, such as a format that cannot be told
 * @param field the source column or wire field, as the file names it (e.g. {@code price}, {@code Variant SKU},
 *              {@code attr.color}); {@code record} when the record as a whole is unreadable
 * @param reason why, in words a merchant can act on
 */
public record RowError(long line, String field, String reason) {
    /** The field name used when a whole record, not one field of it, is at fault. */
    public static final String RECORD = "record";
    /** The field name used for problems with the whole file. */
    public static final String FILE = "file";

    public RowError {
        if (line < 0) throw new IllegalArgumentException("line must be 0 or more");
        if (field == null || field.isBlank()) throw new IllegalArgumentException("field must be named");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) throw new IllegalArgumentException("reason must be given");
    }

    /** Reads as {@code line 12: price: must not be negative}. */
    @Override public String toString() {
        return (line == 0 ? "" : "line " + line + ": ") + field + ": " + reason;
    }
}
