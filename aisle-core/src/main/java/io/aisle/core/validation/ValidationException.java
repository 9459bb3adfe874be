package io.aisle.core.validation;

import java.util.List;

/** Input was refused; carries every field error found, not only the first. */
public final class ValidationException extends RuntimeException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) throw new IllegalArgumentException("a validation failure needs at least one error");
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() { return errors; }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) return "invalid input";
        String first = errors.get(0).toString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}
