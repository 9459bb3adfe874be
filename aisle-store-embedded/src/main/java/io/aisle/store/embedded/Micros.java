package io.aisle.store.embedded;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as epoch microseconds, the resolution every embedded table stores. */
final class Micros {
    private Micros() {}

    static long of(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** The instant as it will read back from a table, so what a write returns equals what a later read sees. */
    static Instant truncate(Instant t) { return t.truncatedTo(ChronoUnit.MICROS); }
}
