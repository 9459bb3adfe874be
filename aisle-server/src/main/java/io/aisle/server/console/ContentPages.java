package io.aisle.server.console;

import io.aisle.content.ContentKind;
import io.aisle.content.pipeline.ContentJobs;
import io.aisle.content.pipeline.ReviewQueue;
import io.aisle.core.validation.ValidationException;
import io.aisle.server.content.ContentHost;
import io.aisle.server.http.ApiKeys;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Console page of the content studio: start a generation job, follow jobs, and review escalated texts with their
 * candidates side by side (gate results and discriminator scores), approving one or rejecting all.
 */
public final class ContentPages implements Routes {
    private final ContentHost host;
    private final ConsoleGuard guard;
    private final Templates templates = new Templates();

    public ContentPages(ContentHost host, ApiKeys keys) {
        this.host = host;
        this.guard = new ConsoleGuard(new Auth(keys));
    }

    @Override public void register(Router router) {
        router.get("/console/content", Role.OPEN, guard.admin(ctx -> page(ctx, "")));
        router.post("/console/content/jobs", Role.OPEN, guard.admin(this::start));
        router.post("/console/content/review/{id}/approve", Role.OPEN, guard.admin(this::approve));
        router.post("/console/content/review/{id}/reject", Role.OPEN, guard.admin(this::reject));
    }

    private void page(Context ctx, String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("jobs", host.jobs().all().stream().sorted(java.util.Comparator.comparing(ContentJobs.Status::createdAt).reversed()).toList());
        p.put("pending", host.review().list(ReviewQueue.Status.PENDING));
        p.put("decided", host.review().list(null).stream().filter(i -> i.status() != ReviewQueue.Status.PENDING).toList().reversed());
        p.put("kinds", java.util.Arrays.stream(ContentKind.values()).filter(ContentKind::perProduct).toList());
        p.put("backend", host.studio().pipeline().generator().backend());
        p.put("error", error);
        templates.render(ctx, "console/content.jte", p);
    }

    private void start(Context ctx) {
        List<ContentKind> kinds = ctx.formParams("kind").stream().map(k -> ContentKind.fromWire(k).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        String lang = ctx.formParam("locale");
        try {
            host.jobs().submit(new ContentJobs.Spec(List.of(), kinds, Locale.forLanguageTag(lang == null || lang.isBlank() ? "en" : lang),
                    ctx.formParam("segment")));
        } catch (ValidationException e) {
            ctx.status(400);
            page(ctx, e.getMessage());
            return;
        }
        ctx.redirect("/console/content", HttpStatus.SEE_OTHER);
    }

    private void approve(Context ctx) {
        try {
            host.review().approve(ctx.pathParam("id"), Integer.parseInt(ctx.formParam("candidate")), "console");
        } catch (RuntimeException e) {
            ctx.status(400);
            page(ctx, "Not approved: " + e.getMessage());
            return;
        }
        ctx.redirect("/console/content", HttpStatus.SEE_OTHER);
    }

    private void reject(Context ctx) {
        try {
            host.review().reject(ctx.pathParam("id"), ctx.formParam("note"));
        } catch (RuntimeException e) {
            ctx.status(400);
            page(ctx, "Not rejected: " + e.getMessage());
            return;
        }
        ctx.redirect("/console/content", HttpStatus.SEE_OTHER);
    }

    /** A score as a percentage with one decimal, for the table. */
    public static String pct(double x) { return String.format(Locale.ROOT, "%.1f%%", 100 * x); }
}
