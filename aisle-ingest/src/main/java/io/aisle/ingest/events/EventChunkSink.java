package io.aisle.ingest.events;

/** Receives an event file chunk by chunk, e.g. to append each chunk's events to the log before reading on. */
@FunctionalInterface
public interface EventChunkSink {
    void accept(EventChunk chunk);
}
