package io.aisle.core.experiment;

/**
 * A change clashes with what exists: the id is taken, or another experiment already runs on the surface. Names the
 * field at fault so the API can say which.
 */
public final class ExperimentConflictException extends RuntimeException {
    private final String field;

    public ExperimentConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() { return field; }
}
