package io.aisle.core.validation;

/** One refused field: its path in the input (e.g. {@code events[3].items[0].price}) and why. */
public record FieldError(String field, String reason) {
    public FieldError {
        if (field == null || field.isBlank()) throw new IllegalArgumentException("field must be named");
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason must be given");
    }

    @Override public String toString() { return field + ": " + reason; }
}
