package io.aisle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.assistant.Assistant;
import io.aisle.assistant.Conversation;
import io.aisle.assistant.Reply;
import io.aisle.core.validation.Text;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.Bodies;
import io.aisle.server.http.Params;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTP face of the shopping assistant, for storefronts (public key): start a conversation, send a message (the
 * answer streamed as server-sent events, or as one JSON document with {@code stream=false} or
 * {@code Accept: application/json}), read a conversation back. Every call names its shopper; a conversation is
 * found only with its own shopper's id, so another id gets the same 404 as an id that never existed.
 */
public final class AssistantRoutes implements Routes {
    static final long MAX_BODY_BYTES = 16 * 1024;
    /** Characters per streamed text event: small enough to show progress, large enough to keep events few. */
    private static final int CHUNK = 24;

    private final Assistant assistant;
    private final AssistantJson json;
    private final ObjectMapper mapper;
    private final Bodies bodies;

    public AssistantRoutes(Assistant assistant, AssistantJson json, ObjectMapper mapper) {
        this.assistant = assistant;
        this.json = json;
        this.mapper = mapper;
        this.bodies = new Bodies(mapper);
    }

    @Override public void register(Router router) {
        router.post("/v1/assistant/conversations", Role.PUBLIC, this::start);
        router.post("/v1/assistant/conversations/{id}/messages", Role.PUBLIC, this::message);
        router.get("/v1/assistant/conversations/{id}", Role.PUBLIC, this::read);
    }

    private void start(Context ctx) {
        JsonNode body = bodies.json(ctx, MAX_BODY_BYTES);
        String shopper = shopper(body.get("shopper_id"));
        Conversation c = assistant.start(shopper);
        ctx.status(201).json(json.conversation(c));
    }

    private void read(Context ctx) {
        String shopper = ctx.queryParam("shopper_id");
        if (shopper == null) throw ApiException.invalid("shopper_id", "is required: the shopper the conversation belongs to");
        String problem = Text.idProblem(shopper);
        if (problem != null) throw ApiException.invalid("shopper_id", problem);
        String id = conversationId(ctx);
        ctx.json(json.conversation(assistant.conversation(shopper, id).orElseThrow(() -> notFound(id))));
    }

    private void message(Context ctx) {
        String id = conversationId(ctx);
        JsonNode body = bodies.json(ctx, MAX_BODY_BYTES);
        String shopper = shopper(body.get("shopper_id"));
        JsonNode m = body.get("message");
        if (m == null || m.isNull()) throw ApiException.invalid("message", "is required: the shopper's text");
        if (!m.isTextual()) throw ApiException.invalid("message", "must be a string");
        boolean stream = stream(ctx);
        if (assistant.conversation(shopper, id).isEmpty()) throw notFound(id);
        Reply reply = assistant.send(shopper, id, m.asText());
        if (!stream) {
            ctx.json(json.reply(reply));
            return;
        }
        ctx.status(200).contentType("text/event-stream; charset=utf-8").header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no");
        try {
            OutputStream out = ctx.res().getOutputStream();
            event(out, "meta", mapper.writeValueAsString(json.meta(reply)));
            event(out, "cards", mapper.writeValueAsString(json.cards(reply)));
            // The text is verified whole before any of it is sent: a stream never shows a claim later withdrawn.
            for (String chunk : chunks(reply.text())) event(out, "delta", mapper.writeValueAsString(mapper.createObjectNode().put("text", chunk)));
            event(out, "done", mapper.writeValueAsString(json.reply(reply)));
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away mid-stream", e);
        }
    }

    private static void event(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The text in pieces ending at spaces, about {@value #CHUNK} characters each; joined they give the text back. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + CHUNK);
            int space = text.indexOf(' ', end);
            end = space < 0 ? text.length() : space + 1;
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }

    private static boolean stream(Context ctx) {
        String raw = ctx.queryParam("stream");
        if (raw != null && !raw.isBlank()) return Params.booleanParam(ctx, "stream", true);
        String accept = ctx.header("Accept");
        return accept == null || !accept.contains("application/json") || accept.contains("text/event-stream");
    }

    private static String shopper(JsonNode node) {
        if (node == null || node.isNull()) throw ApiException.invalid("shopper_id", "is required: the shopper the conversation belongs to");
        if (!node.isTextual()) throw ApiException.invalid("shopper_id", "must be a string");
        String problem = Text.idProblem(node.asText());
        if (problem != null) throw ApiException.invalid("shopper_id", problem);
        return node.asText();
    }

    private static String conversationId(Context ctx) {
        String id = ctx.pathParam("id");
        String problem = Text.idProblem(id);
        if (problem != null) throw ApiException.invalid("id", problem);
        return id;
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("No conversation '" + id + "' for this shopper");
    }
}
