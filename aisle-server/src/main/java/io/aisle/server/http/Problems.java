package io.aisle.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.port.NotFoundException;
import io.aisle.core.port.OverloadedException;
import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.ValidationException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** Renders every failure as RFC 9457 problem+json with a stable {@code code}; the one place errors are formatted. */
public final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    public static final String CONTENT_TYPE = "application/problem+json";

    private static final Map<Integer, String> CODES = Map.of(
            400, "bad_request", 401, "unauthorized", 403, "forbidden", 404, "not_found",
            405, "method_not_allowed", 409, "conflict", 413, "payload_too_large", 415, "unsupported_media_type",
            429, "overloaded", 503, "unavailable");

    private final ObjectMapper mapper;

    public Problems(ObjectMapper mapper) { this.mapper = mapper; }

    /** Installs the exception and error mappers on the server. */
    public void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> write(ctx, e.status(), e.code(), e.getMessage(), e.errors(), e.retryAfterSeconds()));
        app.exception(ValidationException.class, (e, ctx) -> {
            ApiException api = ApiException.invalid(e.errors());
            write(ctx, api.status(), api.code(), api.getMessage(), api.errors(), null);
        });
        app.exception(NotFoundException.class, (e, ctx) -> write(ctx, 404, "not_found", e.getMessage(), List.of(), null));
        app.exception(OverloadedException.class, (e, ctx) ->
                write(ctx, 429, "overloaded", e.getMessage(), List.of(), Math.max(1, e.retryAfter().toSeconds())));
        app.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, e.getStatus(), CODES.getOrDefault(e.getStatus(), "http_" + e.getStatus()), e.getMessage(), List.of(), null));
        app.exception(Exception.class, (e, ctx) -> {
            log.atError().setCause(e).addKeyValue("path", ctx.path()).addKeyValue("method", ctx.method().name())
                    .log("request failed");
            write(ctx, 500, "internal_error", "The server failed to handle the request; it has been logged.", List.of(), null);
        });
        // Unmatched routes and Jetty-level refusals (e.g. body too large) reach here without an exception. A page that
        // rendered its own HTML answer (the console's "nothing known" page) keeps it.
        for (int status : new int[]{404, 405, 413}) {
            app.error(status, ctx -> {
                String type = ctx.res().getContentType();
                if (!CONTENT_TYPE.equals(type) && (type == null || !type.startsWith("text/html"))) {
                    String detail = status == 404 ? "No route " + ctx.method().name() + " " + ctx.path()
                            : status == 413 ? "The request body is larger than allowed" : "Method not allowed";
                    write(ctx, status, CODES.get(status), detail, List.of(), null);
                }
            });
        }
    }

    /** Writes a problem document to the response. */
    public void write(Context ctx, int status, String code, String detail, List<FieldError> errors, Long retryAfter) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", "/problems/" + code);
        body.put("title", title(status));
        body.put("status", status);
        body.put("code", code);
        body.put("detail", detail == null ? title(status) : detail);
        body.put("instance", ctx.path());
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            for (FieldError e : errors) list.addObject().put("field", e.field()).put("reason", e.reason());
        }
        if (retryAfter != null) ctx.header("Retry-After", String.valueOf(retryAfter));
        ctx.status(status).contentType(CONTENT_TYPE).result(body.toString());
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Validation failed";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal server error" : "Request failed";
        };
    }
}
