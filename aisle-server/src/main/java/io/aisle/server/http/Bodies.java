package io.aisle.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/** Reads request bodies within a size limit and parses JSON, turning every failure into a clear problem. */
public final class Bodies {
    private static final Set<String> JSON_TYPES = Set.of("application/json", "text/plain");

    private final ObjectMapper mapper;

    public Bodies(ObjectMapper mapper) { this.mapper = mapper; }

    /** The body bytes, refusing anything larger than {@code maxBytes} before reading it where the length is declared. */
    public byte[] bytes(Context ctx, long maxBytes) {
        long declared = ctx.contentLength();
        if (declared > maxBytes) throw tooLarge(maxBytes);
        byte[] body;
        try {
            // Read straight into one array of the declared size (or up to the limit when chunked): the ingest
            // path reads a body per request, and a growing buffer copied it several times.
            InputStream in = ctx.req().getInputStream();
            body = in.readNBytes(Math.toIntExact(declared >= 0 ? declared : maxBytes + 1));
            if (declared >= 0 && body.length < declared) throw ApiException.invalid("body", "ended before its declared Content-Length");
        } catch (IOException e) {
            throw new ApiException(400, "bad_request", "The body could not be read: " + e.getMessage());
        }
        if (body.length > maxBytes) throw tooLarge(maxBytes);
        if (body.length == 0) throw ApiException.invalid("body", "is empty; send a JSON document");
        return body;
    }

    /**
     * The body as JSON. {@code text/plain} is taken too, because {@code navigator.sendBeacon} posts JSON that way to
     * avoid a CORS preflight.
     */
    public JsonNode json(Context ctx, long maxBytes) {
        String type = ctx.contentType();
        if (type != null) {
            String base = type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (!JSON_TYPES.contains(base)) {
                throw new ApiException(415, "unsupported_media_type", "Send the body as application/json, not " + base);
            }
        }
        byte[] body = bytes(ctx, maxBytes);
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ApiException(400, "invalid_json", "The body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "invalid_json", "The body could not be read: " + e.getMessage());
        }
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "payload_too_large", "The body must be at most " + maxBytes + " bytes");
    }
}
