package io.aisle.core.validation;

/** Checks shared by every identifier and free-text field. */
public final class Text {
    private Text() {}

    public static final int MAX_ID_LENGTH = 128;

    /** Returns a reason the value is not a usable identifier, or null when it is fine. */
    public static String idProblem(String value) {
        if (value == null) return "is required";
        if (value.isBlank()) return "must not be blank";
        if (value.length() > MAX_ID_LENGTH) return "must be at most " + MAX_ID_LENGTH + " characters";
        if (!value.equals(value.strip())) return "must not start or end with whitespace";
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) return "must not contain control characters";
            if (c == '/' || c == '?' || c == '#') return "must not contain '/', '?' or '#'";
        }
        return null;
    }

    /** Throws a validation error naming the field when the value is not a usable identifier. */
    public static String requireId(String field, String value) {
        String problem = idProblem(value);
        if (problem != null) throw new ValidationException(field, problem);
        return value;
    }
}
