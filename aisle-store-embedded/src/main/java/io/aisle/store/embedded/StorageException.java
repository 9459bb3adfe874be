package io.aisle.store.embedded;

/** An embedded store could not do its job: a database or file error, or stored data that fails its checks. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) { super(message, cause); }

    public StorageException(String message) { super(message); }
}
