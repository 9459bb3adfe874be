package io.aisle.core.experiment;

import io.aisle.core.validation.Errors;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An online experiment: shoppers of one surface (the recommendations, say) are split between variants by a
 * deterministic hash of the experiment id and the shopper's key, and each variant's metrics are counted from the
 * event log from {@code startedAt} until {@code stoppedAt}. Every instance is valid: the constructor checks every
 * field and names each bad one (with the JSON field names, e.g. {@code variants[1].weight}).
 *
 * @param surface   what the variants change; at most one experiment runs per surface at a time
 * @param traffic   share of shoppers in the experiment, in (0, 1]; the rest is held out and served as before
 * @param stoppedAt null while running
 */
public record Experiment(String id, String description, String surface, double traffic, List<Variant> variants,
                         ExperimentStatus status, Instant startedAt, Instant stoppedAt) {
    /** The surface the recommendation host asks about. */
    public static final String RECOMMENDATIONS = "recommendations";
    public static final int MAX_VARIANTS = 10;
    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_CONFIG_ENTRIES = 32;
    public static final int MAX_CONFIG_VALUE = 1000;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern SURFACE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern CONFIG_KEY = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    public Experiment {
        description = description == null ? "" : description;
        surface = surface == null ? RECOMMENDATIONS : surface;
        variants = variants == null ? List.of() : List.copyOf(variants);
        Errors errors = new Errors();
        check(errors, id, description, surface, traffic, variants);
        if (status == null) errors.add("status", "is required");
        if (startedAt == null) errors.add("started_at", "is required");
        if (status == ExperimentStatus.RUNNING && stoppedAt != null) errors.add("stopped_at", "must be empty while running");
        if (status == ExperimentStatus.STOPPED && stoppedAt == null) errors.add("stopped_at", "is required once stopped");
        if (startedAt != null && stoppedAt != null && stoppedAt.isBefore(startedAt)) {
            errors.add("stopped_at", "must not be before started_at (" + startedAt + ")");
        }
        errors.throwIfAny();
    }

    /** A new experiment, running from {@code now}. */
    public static Experiment start(String id, String description, String surface, double traffic, List<Variant> variants,
                                   Instant now) {
        return new Experiment(id, description, surface, traffic, variants, ExperimentStatus.RUNNING, now, null);
    }

    /** This experiment stopped at {@code at}; a stopped one stays as it was. */
    public Experiment stop(Instant at) {
        if (status == ExperimentStatus.STOPPED) return this;
        Instant end = at.isBefore(startedAt) ? startedAt : at;
        return new Experiment(id, description, surface, traffic, variants, ExperimentStatus.STOPPED, startedAt, end);
    }

    public boolean running() { return status == ExperimentStatus.RUNNING; }

    /** The one variant marked as control. */
    public Variant control() { return variants.stream().filter(Variant::control).findFirst().orElseThrow(); }

    /** Whether an event at {@code t} falls in the experiment's window: from the start, before the stop. */
    public boolean covers(Instant t) { return !t.isBefore(startedAt) && (stoppedAt == null || t.isBefore(stoppedAt)); }

    private static void check(Errors errors, String id, String description, String surface, double traffic,
                              List<Variant> variants) {
        if (id == null) errors.add("id", "is required");
        else if (!ID.matcher(id).matches()) {
            errors.add("id", "must be 1 to 64 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        if (description.length() > MAX_DESCRIPTION) errors.add("description", "must be at most " + MAX_DESCRIPTION + " characters");
        if (!SURFACE.matcher(surface).matches()) {
            errors.add("surface", "must be 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter");
        }
        if (!(traffic > 0 && traffic <= 1)) errors.add("traffic", "must be more than 0 and at most 1, got " + traffic);
        if (variants.size() < 2 || variants.size() > MAX_VARIANTS) {
            errors.add("variants", "must list 2 to " + MAX_VARIANTS + " variants, got " + variants.size());
        }
        Map<String, Integer> seen = new HashMap<>();
        int controls = 0;
        for (int i = 0; i < variants.size(); i++) {
            Variant v = Objects.requireNonNull(variants.get(i), "variant");
            String at = "variants[" + i + "]";
            if (!NAME.matcher(v.name()).matches()) {
                errors.add(at + ".name", "must be 1 to 40 lower-case letters, digits, '-' or '_', starting with a letter or digit");
            } else {
                Integer first = seen.putIfAbsent(v.name(), i);
                if (first != null) errors.add(at + ".name", "repeats the name of variants[" + first + "] ('" + v.name() + "')");
            }
            if (!(v.weight() > 0) || !Double.isFinite(v.weight())) errors.add(at + ".weight", "must be a number above 0, got " + v.weight());
            if (v.control()) controls++;
            if (v.config().size() > MAX_CONFIG_ENTRIES) errors.add(at + ".config", "must have at most " + MAX_CONFIG_ENTRIES + " entries");
            v.config().forEach((k, value) -> {
                if (!CONFIG_KEY.matcher(k).matches()) {
                    errors.add(at + ".config." + k, "keys must be 1 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter");
                } else if (value == null || value.length() > MAX_CONFIG_VALUE) {
                    errors.add(at + ".config." + k, "must be a text of at most " + MAX_CONFIG_VALUE + " characters");
                }
            });
        }
        if (!variants.isEmpty() && controls != 1) {
            errors.add("variants", "must mark exactly one variant as control, found " + controls);
        }
    }
}
