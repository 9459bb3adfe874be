package io.aisle.ingest;

import java.util.List;

/** Some derived state failed to forget a shopper; the shopper record was kept so that running the erasure again finishes it. */
public final class ErasureIncompleteException extends RuntimeException {
    private final List<String> failed;

    public ErasureIncompleteException(List<String> failed, Throwable first) {
        super("erasure did not finish: " + failed + " could not forget the shopper (" + first.getMessage()
                + "); the events are already gone and running the erasure again completes it", first);
        this.failed = List.copyOf(failed);
    }

    /** Names of the projections whose forget failed. */
    public List<String> failed() { return failed; }
}
