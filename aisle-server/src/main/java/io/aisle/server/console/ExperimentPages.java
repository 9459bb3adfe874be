package io.aisle.server.console;

import io.aisle.core.experiment.Estimate;
import io.aisle.core.experiment.Experiment;
import io.aisle.core.experiment.ExperimentConflictException;
import io.aisle.core.experiment.Variant;
import io.aisle.core.validation.Errors;
import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.ValidationException;
import io.aisle.recommend.experiment.Experiments;
import io.aisle.server.derived.ExperimentResults;
import io.aisle.server.http.ApiException;
import io.aisle.server.http.ApiKeys;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Role;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Console pages for online experiments: the list with a form to start one, and one experiment's per-variant metrics
 * with their intervals, refreshed by htmx while the page is open.
 */
public final class ExperimentPages implements Routes {
    /** How often the open page asks for fresh metrics. */
    public static final String REFRESH = "every 3s";

    private final Experiments experiments;
    private final ExperimentResults results;
    private final ConsoleGuard guard;
    private final Templates templates = new Templates();

    public ExperimentPages(Experiments experiments, ExperimentResults results, ApiKeys keys) {
        this.experiments = experiments;
        this.results = results;
        this.guard = new ConsoleGuard(new Auth(keys));
    }

    @Override public void register(Router router) {
        router.get("/console/experiments", Role.OPEN, guard.admin(ctx -> list(ctx, ExperimentForm.blank(), List.of())));
        router.post("/console/experiments", Role.OPEN, guard.admin(this::create));
        router.get("/console/experiments/{id}", Role.OPEN, guard.admin(this::detail));
        router.get("/console/experiments/{id}/metrics", Role.OPEN, guard.admin(this::metrics));
        router.post("/console/experiments/{id}/stop", Role.OPEN, guard.admin(this::stop));
    }

    private void list(Context ctx, ExperimentForm form, List<FieldError> errors) {
        Map<String, Object> p = new HashMap<>();
        p.put("experiments", experiments.list().reversed()); // newest first
        p.put("form", form);
        p.put("errors", errors);
        templates.render(ctx, "console/experiments.jte", p);
    }

    private void create(Context ctx) {
        ExperimentForm form = ExperimentForm.read(ctx);
        Errors errors = new Errors();
        double traffic = form.traffic(errors);
        List<Variant> variants = form.variants(errors);
        List<FieldError> all = new ArrayList<>(errors.list());
        try {
            if (all.isEmpty()) {
                Experiment created = experiments.create(form.id(), form.description(), form.surface(), traffic, variants);
                ctx.redirect("/console/experiments/" + Fmt.seg(created.id()), HttpStatus.SEE_OTHER);
                return;
            }
            // The form already has unreadable fields: check the rest too, without creating anything.
            Experiment.start(form.id(), form.description(), form.surface(), traffic, variants, Instant.EPOCH);
        } catch (ValidationException e) {
            e.errors().stream().filter(f -> all.stream().noneMatch(a -> a.field().equals(f.field()))).forEach(all::add);
        } catch (ExperimentConflictException e) {
            all.add(new FieldError(e.field(), e.getMessage()));
        }
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        list(ctx, form, all);
    }

    private void detail(Context ctx) {
        Experiment e = find(ctx);
        Map<String, Object> p = new HashMap<>();
        p.put("experiment", e);
        p.put("metrics", results.of(e).orElse(null));
        templates.render(ctx, "console/experiment.jte", p);
    }

    private void metrics(Context ctx) {
        Experiment e = find(ctx);
        Map<String, Object> p = new HashMap<>();
        p.put("experiment", e);
        p.put("metrics", results.of(e).orElse(null));
        templates.render(ctx, "console/experiment-metrics.jte", p);
    }

    private void stop(Context ctx) {
        Experiment e = experiments.stop(find(ctx).id());
        ctx.redirect("/console/experiments/" + Fmt.seg(e.id()), HttpStatus.SEE_OTHER);
    }

    private Experiment find(Context ctx) {
        String id = ctx.pathParam("id");
        return experiments.find(id).orElseThrow(() -> ApiException.notFound("No experiment with id '" + id + "'"));
    }

    // ---- formatting for the templates ----

    /** A rate as a percentage with one decimal: "6.0%"; "–" when not measured yet. */
    public static String pct(Estimate e) { return e == null ? "–" : percent(e.value()); }

    /** A rate's interval: "4.7–7.6%". */
    public static String pctInterval(Estimate e) {
        return e == null ? "" : String.format(Locale.ROOT, "%.1f–%.1f%%", 100 * e.low(), 100 * e.high());
    }

    /** An amount with two decimals. */
    public static String amount(Estimate e) { return e == null ? "–" : String.format(Locale.ROOT, "%.2f", e.value()); }

    /** An amount's interval: "1.20–3.40". */
    public static String amountInterval(Estimate e) {
        return e == null ? "" : String.format(Locale.ROOT, "%.2f–%.2f", e.low(), e.high());
    }

    /** A relative difference with its sign: "+20.0%"; "–" when not measurable. */
    public static String lift(Estimate e) { return e == null ? "–" : signed(e.value()); }

    /** A relative difference's interval: "−16.7% to +72.8%". */
    public static String liftInterval(Estimate e) { return e == null ? "" : signed(e.low()) + " to " + signed(e.high()); }

    /** "▲ " or "▼ " before a difference whose interval leaves out zero on that side; "" otherwise. */
    public static String marker(Estimate e) {
        if (e == null || !e.excludes(0)) return "";
        return e.low() > 0 ? "▲ " : "▼ ";
    }

    /** A weight without a needless ".0": "50", "0.5". */
    public static String weight(Variant v) {
        double w = v.weight();
        return w == Math.rint(w) && Math.abs(w) < 1e15 ? String.valueOf((long) w) : String.valueOf(w);
    }

    /** Traffic share as "100%" or "12.5%". */
    public static String traffic(Experiment e) {
        double p = 100 * e.traffic();
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** Settings as "key=value, key=value". */
    public static String config(Variant v) {
        return v.config().entrySet().stream().map(en -> en.getKey() + "=" + en.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String percent(double x) { return String.format(Locale.ROOT, "%.1f%%", 100 * x); }

    private static String signed(double x) {
        String s = String.format(Locale.ROOT, "%.1f%%", 100 * Math.abs(x));
        return (x < 0 ? "−" : "+") + s;
    }
}
