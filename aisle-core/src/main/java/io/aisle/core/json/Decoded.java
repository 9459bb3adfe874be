package io.aisle.core.json;

import io.aisle.core.validation.FieldError;

import java.util.List;

/** The result of decoding one input record: a value, or the field errors that refused it. */
public record Decoded<T>(T value, List<FieldError> errors) {
    public Decoded {
        errors = List.copyOf(errors);
        if ((value == null) == errors.isEmpty()) throw new IllegalArgumentException("exactly one of value or errors");
    }

    public static <T> Decoded<T> ok(T value) { return new Decoded<>(value, List.of()); }

    public static <T> Decoded<T> invalid(List<FieldError> errors) { return new Decoded<>(null, errors); }

    public boolean isValid() { return value != null; }
}
