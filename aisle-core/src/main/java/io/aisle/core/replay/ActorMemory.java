package io.aisle.core.replay;

import java.util.Set;

/** Anything that remembers shoppers by actor key and must forget them on request (the right to erasure). */
public interface ActorMemory {
    /** Stable name, for logs and receipts. */
    String name();

    /**
     * Removes every trace of the actors with these keys ({@link io.aisle.core.event.Actor#key()} values such as
     * {@code s:u-42} and {@code a:d-7f}). Aggregates over many shoppers may keep their totals; nothing keyed by or
     * listing these actors may remain.
     */
    void forget(Set<String> actorKeys);
}
