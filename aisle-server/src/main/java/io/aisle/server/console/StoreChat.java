package io.aisle.server.console;

import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The demo store's chat panel script ({@code /store/chat.js}): a few lines that start a conversation with the
 * shopping assistant and read its answers as a stream. The panel's markup is {@code store/chat.jte}.
 */
public final class StoreChat implements Routes {
    private final byte[] script;
    private final String etag;

    public StoreChat() {
        try (InputStream in = StoreChat.class.getResourceAsStream("/console/chat.js")) {
            if (in == null) throw new IllegalStateException("missing /console/chat.js");
            this.script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.etag = Assets.etag(script);
    }

    @Override public void register(Router router) {
        router.get("/store/chat.js", Role.OPEN, this::serve);
    }

    private void serve(Context ctx) {
        ctx.header("ETag", etag).header("Cache-Control", "public, max-age=300").header("X-Content-Type-Options", "nosniff");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("text/javascript; charset=utf-8").result(script);
    }
}
