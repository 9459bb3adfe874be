package io.aisle.ingest.events;

/**
 * What reading an event file did; the events and errors themselves went to the sink.
 *
 * @param rowsRead   data records read (lines or CSV rows; headers and blank lines not counted)
 * @param eventsRead events that decoded
 * @param errorCount errors reported, one record may have several
 */
public record EventReadSummary(EventFileFormat format, long rowsRead, long eventsRead, long errorCount) {
    public boolean isClean() { return errorCount == 0; }
}
