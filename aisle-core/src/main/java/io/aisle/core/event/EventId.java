package io.aisle.core.event;

import io.aisle.core.validation.Text;

/** The idempotency key of an event: the same id sent twice is stored once. */
public record EventId(String value) {
    public EventId { Text.requireId("event_id", value); }

    public static EventId of(String value) { return new EventId(value); }

    @Override public String toString() { return value; }
}
