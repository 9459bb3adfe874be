package io.aisle.server.console;

import io.aisle.server.http.ApiException;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;

/** The console's and the demo store's static files (CSS and the store's page script), read once from the classpath. */
final class Assets {
    private record Asset(byte[] bytes, String contentType, String etag) {}

    private final Map<String, Asset> files;

    Assets() {
        this.files = Map.of(
                "console.css", load("console.css", "text/css; charset=utf-8"),
                "store.css", load("store.css", "text/css; charset=utf-8"),
                "store.js", load("store.js", "text/javascript; charset=utf-8"));
    }

    /** Serves {@code /console/assets/{name}}; unknown names are 404, so nothing else on the classpath is reachable. */
    void serve(Context ctx) {
        Asset a = files.get(ctx.pathParam("name"));
        if (a == null) throw ApiException.notFound("No console asset '" + ctx.pathParam("name") + "'");
        ctx.header("ETag", a.etag()).header("Cache-Control", "public, max-age=300").header("X-Content-Type-Options", "nosniff");
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.contentType()).result(a.bytes());
    }

    private static Asset load(String name, String type) {
        try (InputStream in = Assets.class.getResourceAsStream("/console/" + name)) {
            if (in == null) throw new IllegalStateException("missing console asset /console/" + name);
            byte[] bytes = in.readAllBytes();
            return new Asset(bytes, type, etag(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A strong validator for a byte body (CRC32 is enough to tell versions of a file apart). */
    static String etag(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return "\"" + HexFormat.of().toHexDigits((int) crc.getValue()) + "-" + bytes.length + "\"";
    }
}
