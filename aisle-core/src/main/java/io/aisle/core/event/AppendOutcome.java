package io.aisle.core.event;

/** What the log did with one appended event. */
public sealed interface AppendOutcome {
    long offset();

    /** Newly stored at this offset. */
    record Stored(long offset) implements AppendOutcome {}

    /** An event with the same id was already stored at this offset; nothing was written. */
    record Duplicate(long offset) implements AppendOutcome {}
}
