package io.aisle.core.experiment;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One arm of an experiment: its name, its share of the experiment's traffic relative to the other arms, whether it
 * is the control the others are compared with, and the settings the recommender applies for shoppers in it.
 *
 * @param weight relative share; any positive number (50/50, 1/1 and 0.5/0.5 split alike)
 * @param config free-form settings for the host that serves the variant (e.g. {@code model=sasrec}); sorted by key
 */
public record Variant(String name, double weight, boolean control, Map<String, String> config) {
    public Variant {
        Objects.requireNonNull(name, "name");
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(config));
    }

    public static Variant control(String name, double weight) { return new Variant(name, weight, true, Map.of()); }

    public static Variant treatment(String name, double weight) { return new Variant(name, weight, false, Map.of()); }

    public Variant withConfig(Map<String, String> settings) { return new Variant(name, weight, control, settings); }
}
