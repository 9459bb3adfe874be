package io.aisle.simulator;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The time source and sleeper {@link EventPacer} runs on; tests pass a fake one instead of sleeping. */
public interface PacingClock {
    /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    /** Wall-clock time, for restamping events. */
    Instant now();

    /** The real clock. */
    static PacingClock system() {
        return new PacingClock() {
            @Override public long nanoTime() { return System.nanoTime(); }

            @Override public void sleepNanos(long nanos) throws InterruptedException { TimeUnit.NANOSECONDS.sleep(nanos); }

            @Override public Instant now() { return Instant.now(); }
        };
    }
}
