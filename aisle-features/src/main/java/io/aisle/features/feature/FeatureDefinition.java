package io.aisle.features.feature;

import io.aisle.core.event.EventName;
import io.aisle.core.feature.EntityKind;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One feature, declared: what it describes, which events feed it, how they aggregate and over which window.
 * Derived aggregations ({@link Aggregation.Ratio}, {@link Aggregation.Share}) take no events; their window says
 * which window their inputs use, for readers.
 *
 * @param name   lower snake case, unique per entity kind: {@code views_24h}
 * @param events the event names that feed it; empty for derived features
 */
public record FeatureDefinition(String name, EntityKind entity, Set<EventName> events, Aggregation aggregation, Window window) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public FeatureDefinition {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(aggregation, "aggregation");
        Objects.requireNonNull(window, "window");
        if (name == null || !NAME.matcher(name).matches()) throw new IllegalArgumentException("feature name must be lower snake case, got '" + name + "'");
        events = events == null || events.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(events));
        if (aggregation.derived() != events.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + (aggregation.derived() ? "derived features take no events" : "needs at least one event name"));
        }
        if (aggregation instanceof Aggregation.Last && !(window instanceof Window.Lifetime)) {
            throw new IllegalArgumentException(name + ": a recency looks at all history; use Window.LIFETIME");
        }
        if (aggregation instanceof Aggregation.Distinct && window instanceof Window.Decayed) {
            throw new IllegalArgumentException(name + ": a distinct count cannot decay; use a sliding window or LIFETIME");
        }
        if (aggregation instanceof Aggregation.Share && !(entity == EntityKind.SHOPPER_CATEGORY || entity == EntityKind.SHOPPER_BRAND)) {
            throw new IllegalArgumentException(name + ": a share is among a shopper's categories or brands, not for " + entity);
        }
    }

    public static FeatureDefinition count(String name, EntityKind entity, Window window, EventName... events) {
        return new FeatureDefinition(name, entity, set(events), Aggregation.count(), window);
    }

    public static FeatureDefinition sum(String name, EntityKind entity, Measure measure, Window window, EventName... events) {
        return new FeatureDefinition(name, entity, set(events), new Aggregation.Sum(measure), window);
    }

    public static FeatureDefinition avg(String name, EntityKind entity, Measure measure, Window window, EventName... events) {
        return new FeatureDefinition(name, entity, set(events), new Aggregation.Avg(measure), window);
    }

    /** Days since the latest of these events. */
    public static FeatureDefinition daysSince(String name, EntityKind entity, EventName... events) {
        return new FeatureDefinition(name, entity, set(events), new Aggregation.Last(), Window.LIFETIME);
    }

    public static FeatureDefinition distinct(String name, EntityKind entity, DistinctKey key, int bound, Window window, EventName... events) {
        return new FeatureDefinition(name, entity, set(events), new Aggregation.Distinct(key, bound), window);
    }

    public static FeatureDefinition ratio(String name, EntityKind entity, String numerator, String denominator, Window window) {
        return new FeatureDefinition(name, entity, Set.of(), new Aggregation.Ratio(numerator, denominator), window);
    }

    public static FeatureDefinition share(String name, EntityKind entity, String part, Window window) {
        return new FeatureDefinition(name, entity, Set.of(), new Aggregation.Share(part), window);
    }

    private static Set<EventName> set(EventName... events) {
        return events.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(events));
    }
}
