package io.aisle.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.aisle.core.validation.Errors;
import io.aisle.core.validation.Text;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads typed fields out of one JSON object, recording a named error for every field that is missing or wrong
 * instead of stopping at the first; getters return null for a field that failed.
 */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final Errors errors;

    JsonFields(JsonNode node, String path, Errors errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    String path(String field) {
        // A blank key ({"": 1}) still needs a printable name in the error.
        String name = field.isBlank() ? "\"" + field + "\"" : field;
        return path.isEmpty() ? name : path + "." + name;
    }

    void error(String field, String reason) { errors.add(path(field), reason); }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    JsonNode raw(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v;
    }

    /** The field's value, or null (after an error when it is required) when it is absent or null. */
    private JsonNode present(String field, boolean required) {
        JsonNode v = raw(field);
        if (v == null && required) error(field, "is required");
        return v;
    }

    /** Refuses fields outside {@code known}, so a typo ("shoper_id") is not silently ignored. */
    void rejectUnknown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) error(name, "is not a known field");
        }
    }

    String string(String field, boolean required, int maxLength) {
        JsonNode v = present(field, required);
        if (v == null) return null;
        if (!v.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String s = v.textValue();
        if (required && s.isBlank()) {
            error(field, "must not be blank");
            return null;
        }
        if (s.length() > maxLength) {
            error(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return s;
    }

    String id(String field, boolean required) {
        JsonNode v = present(field, required);
        if (v == null) return null;
        if (!v.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String problem = Text.idProblem(v.textValue());
        if (problem != null) {
            error(field, problem);
            return null;
        }
        return v.textValue();
    }

    BigDecimal decimal(String field, boolean required, boolean allowNegative) {
        JsonNode v = present(field, required);
        if (v == null) return null;
        BigDecimal d;
        if (v.isNumber()) {
            d = v.decimalValue();
        } else if (v.isTextual()) {
            try {
                d = new BigDecimal(v.textValue().strip());
            } catch (NumberFormatException e) {
                error(field, "must be a number, got '" + abbreviate(v.textValue()) + "'");
                return null;
            }
        } else {
            error(field, "must be a number");
            return null;
        }
        if (!allowNegative && d.signum() < 0) {
            error(field, "must not be negative");
            return null;
        }
        if (d.abs().compareTo(new BigDecimal("1e12")) >= 0) {
            error(field, "is too large");
            return null;
        }
        return d;
    }

    Long integer(String field, boolean required, long min, long max) {
        JsonNode v = present(field, required);
        if (v == null) return null;
        if (!v.isIntegralNumber() && !(v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0)) {
            error(field, "must be a whole number");
            return null;
        }
        if (!v.canConvertToLong()) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        long n = v.longValue();
        if (n < min || n > max) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        return n;
    }

    Double number(String field, boolean required, double min, double max) {
        JsonNode v = present(field, required);
        if (v == null) return null;
        if (!v.isNumber()) {
            error(field, "must be a number");
            return null;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            error(field, "must be between " + min + " and " + max);
            return null;
        }
        return d;
    }

    Instant timestamp(String field, boolean required) {
        String s = string(field, required, 64);
        if (s == null) return null;
        try {
            return Rfc3339.parse(s);
        } catch (DateTimeParseException e) {
            error(field, "must be an RFC 3339 timestamp with offset, e.g. 2026-11-25T10:15:30Z");
            return null;
        }
    }

    JsonNode array(String field, boolean required, int maxSize) {
        JsonNode v = present(field, required);
        if (v == null) return null;
        if (!v.isArray()) {
            error(field, "must be an array");
            return null;
        }
        if (v.size() > maxSize) {
            error(field, "must have at most " + maxSize + " entries");
            return null;
        }
        return v;
    }

    JsonNode object(String field, boolean required) {
        JsonNode v = present(field, required);
        if (v == null) return null;
        if (!v.isObject()) {
            error(field, "must be an object");
            return null;
        }
        return v;
    }

    static String abbreviate(String s) { return s.length() <= 40 ? s : s.substring(0, 40) + "..."; }
}
