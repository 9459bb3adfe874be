package io.aisle.server.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import java.util.Map;

/** Renders the precompiled jte templates (built from src/main/jte by jte-maven-plugin) into a response. */
final class Templates {
    // Precompiled: templates are plain classes on the classpath, so nothing is compiled or written at runtime.
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code name} (e.g. "console/catalog.jte") as the HTML body of the response. */
    void render(Context ctx, String name, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(name, params, out);
        ctx.html(out.toString());
    }
}
