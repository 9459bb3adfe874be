package io.aisle.core.port;

import java.time.Duration;

/** A store is saturated and refuses work for now; the caller should retry after the given delay. */
public final class OverloadedException extends RuntimeException {
    private final Duration retryAfter;

    public OverloadedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() { return retryAfter; }
}
