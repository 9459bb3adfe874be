package io.aisle.core.port;

/** The thing asked for does not exist. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String what) { super(what); }
}
