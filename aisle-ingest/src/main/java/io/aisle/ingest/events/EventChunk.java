package io.aisle.ingest.events;

import io.aisle.core.event.ShopperEvent;
import io.aisle.ingest.RowError;

import java.util.List;

/** A run of consecutive lines of an event file: the events that decoded, and the errors of those that did not. */
public record EventChunk(List<ShopperEvent> events, List<RowError> errors) {
    public EventChunk {
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }
}
