package io.aisle.ingest.events;

import java.util.Locale;
import java.util.Optional;

/** The event file formats {@link EventFileReader} reads. */
public enum EventFileFormat {
    /** One wire-form event (as {@code EventJson} writes it) per line. */
    JSONL("jsonl"),
    /** A header row, then one event per row; see the module README for the columns. */
    CSV("csv");

    private final String cliName;

    EventFileFormat(String cliName) { this.cliName = cliName; }

    public String cliName() { return cliName; }

    public static Optional<EventFileFormat> fromName(String name) {
        if (name == null) return Optional.empty();
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (EventFileFormat f : values()) if (f.cliName.equals(n)) return Optional.of(f);
        return Optional.empty();
    }

    /** By extension (.jsonl/.ndjson/.json, .csv), else by the first non-blank character ('{' means JSONL). */
    static EventFileFormat detect(String fileName, String head) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) return JSONL;
        if (name.endsWith(".csv")) return CSV;
        String text = head.startsWith("\uFEFF") ? head.substring(1) : head;
        return text.stripLeading().startsWith("{") ? JSONL : CSV;
    }

    @Override public String toString() { return cliName; }
}
