package io.aisle.server.console;

import io.aisle.server.http.ApiKeys;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.aisle.server.images.ImageJobs;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** Console pages for the visual studio: the jobs, and one job's source, mask, outputs and QC results. */
public final class ImagePages implements Routes {
    private final ImageJobs jobs;
    private final ConsoleGuard guard;
    private final Templates templates = new Templates();

    public ImagePages(ImageJobs jobs, ApiKeys keys) {
        this.jobs = jobs;
        this.guard = new ConsoleGuard(new Auth(keys));
    }

    @Override public void register(Router router) {
        router.get("/console/images", Role.OPEN, guard.admin(this::list));
        router.get("/console/images/{id}", Role.OPEN, guard.admin(this::job));
    }

    private void list(Context ctx) {
        List<ImageJobView> views = jobs.list().stream().limit(200).map(ImageJobView::of).toList();
        templates.render(ctx, "console/images.jte", Map.of("jobs", views));
    }

    private void job(Context ctx) {
        String id = ctx.pathParam("id");
        var job = jobs.get(id);
        if (job.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            templates.render(ctx, "console/images.jte", Map.of("jobs", jobs.list().stream().limit(200).map(ImageJobView::of).toList()));
            return;
        }
        templates.render(ctx, "console/image-job.jte", Map.of("job", ImageJobView.of(job.get())));
    }
}
