package io.aisle.core.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while a whole input is checked, so a caller sees all problems at once. */
public final class Errors {
    private final List<FieldError> list = new ArrayList<>();

    public void add(String field, String reason) { list.add(new FieldError(field, reason)); }

    public void addAll(List<FieldError> errors) { list.addAll(errors); }

    public boolean isEmpty() { return list.isEmpty(); }

    public List<FieldError> list() { return List.copyOf(list); }

    /** Throws if anything was collected. */
    public void throwIfAny() {
        if (!list.isEmpty()) throw new ValidationException(list);
    }
}
