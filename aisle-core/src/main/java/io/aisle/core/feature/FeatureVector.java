package io.aisle.core.feature;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The features of one entity as of one instant, in the catalogue's order. {@code NaN} means undefined (no data:
 * a ratio over nothing, the recency of something that never happened); tree models read it as missing.
 *
 * @param asOf the instant the values describe: the newest event seen online, the label time in a training set
 */
public record FeatureVector(EntityRef entity, Instant asOf, Map<String, Double> values) {
    public FeatureVector {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(asOf, "asOf");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code name}; NaN when undefined or not a feature of this entity. */
    public double value(String name) {
        Double v = values.get(name);
        return v == null ? Double.NaN : v;
    }

    /** The value of {@code name}, or {@code fallback} when it is undefined. */
    public double valueOr(String name, double fallback) {
        double v = value(name);
        return Double.isNaN(v) ? fallback : v;
    }
}
