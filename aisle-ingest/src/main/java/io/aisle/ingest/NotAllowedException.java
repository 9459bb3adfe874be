package io.aisle.ingest;

/** The caller's credentials do not permit this change (the HTTP layer answers 403 with the message). */
public final class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) { super(message); }
}
