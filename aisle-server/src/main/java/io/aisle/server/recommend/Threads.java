package io.aisle.server.recommend;

/** Stopping the host's background threads (catalogue follower, precomputer) the same way. */
final class Threads {
    private Threads() {}

    /** Interrupts {@code t} (if any) and waits up to five seconds for it to end; keeps the caller's interrupt. */
    static void stop(Thread t) {
        if (t == null) return;
        t.interrupt();
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
