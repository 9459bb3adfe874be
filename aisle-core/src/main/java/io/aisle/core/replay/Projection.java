package io.aisle.core.replay;

import io.aisle.core.event.LoggedEvent;

import java.util.List;

/**
 * Derived state built only from the event log (sessions, graph, features, vectors), so deleting it and replaying
 * the log rebuilds it exactly. A projection applies events in offset order and never reads the wall clock: time
 * comes from the events, which is what makes replay reproduce the same state.
 */
public interface Projection extends ActorMemory {
    /** Stable name; also the consumer name its offset is committed under. */
    @Override String name();

    /** Applies one event. Events arrive in offset order, each once. */
    void apply(LoggedEvent event);

    /** Applies a page of events; override when a batch can be applied faster than one by one. */
    default void applyAll(List<LoggedEvent> events) {
        for (LoggedEvent e : events) apply(e);
    }

    /** Forgets everything, before a full replay. */
    void reset();
}
