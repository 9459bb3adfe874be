package io.aisle.server.api;

import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/** Health, metrics and the API's own description (OpenAPI document and Swagger UI). */
public final class SystemRoutes implements Routes {
    private final PrometheusMeterRegistry metrics;
    private final BooleanSupplier ready;
    private final byte[] openApi;

    public SystemRoutes(PrometheusMeterRegistry metrics, BooleanSupplier ready) {
        this.metrics = metrics;
        this.ready = ready;
        this.openApi = resource("/openapi.json");
    }

    @Override public void register(Router router) {
        router.get("/health/live", Role.OPEN, ctx -> ctx.json(java.util.Map.of("status", "up")));
        router.get("/health/ready", Role.OPEN, this::ready);
        router.get("/metrics", Role.OPEN, ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        router.get("/openapi.json", Role.OPEN, ctx -> ctx.contentType("application/json").result(openApi));
        router.get("/swagger", Role.OPEN, this::swagger);
    }

    private void ready(Context ctx) {
        boolean ok;
        try {
            ok = ready.getAsBoolean();
        } catch (RuntimeException e) {
            ok = false;
        }
        ctx.status(ok ? 200 : 503).json(java.util.Map.of("status", ok ? "ready" : "not_ready"));
    }

    private void swagger(Context ctx) {
        ctx.html("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Aisle API</title>
                <link rel="stylesheet" href="/webjars/swagger-ui/%1$s/swagger-ui.css"></head>
                <body><div id="swagger-ui"></div>
                <script src="/webjars/swagger-ui/%1$s/swagger-ui-bundle.js"></script>
                <script>window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});</script>
                </body></html>
                """.formatted(SWAGGER_UI_VERSION));
    }

    /** Must match the swagger-ui WebJar version in the parent pom. */
    static final String SWAGGER_UI_VERSION = "5.32.6";

    static byte[] resource(String name) {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
