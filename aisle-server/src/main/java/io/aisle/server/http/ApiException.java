package io.aisle.server.http;

import io.aisle.core.validation.FieldError;

import java.util.List;

/**
 * A request failed in a way the client should hear about; rendered as RFC 9457 problem+json in one place
 * ({@link Problems}). Handlers throw it rather than formatting errors themselves.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ApiException(int status, String code, String detail) { this(status, code, detail, List.of(), null); }

    public ApiException(int status, String code, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(422, "validation_failed", errors.size() == 1
                ? "The request has an invalid field: " + errors.get(0)
                : "The request has " + errors.size() + " invalid fields", errors, null);
    }

    public static ApiException invalid(String field, String reason) {
        return invalid(List.of(new FieldError(field, reason)));
    }

    public static ApiException notFound(String detail) { return new ApiException(404, "not_found", detail); }

    public int status() { return status; }

    public String code() { return code; }

    public List<FieldError> errors() { return errors; }

    public Long retryAfterSeconds() { return retryAfterSeconds; }
}
