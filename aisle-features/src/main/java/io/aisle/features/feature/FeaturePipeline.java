package io.aisle.features.feature;

import io.aisle.core.event.LoggedEvent;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.feature.EntityKind;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.feature.FeatureVector;
import io.aisle.core.port.FeatureStore;
import io.aisle.core.replay.Projection;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Online features: a projection of the event log whose state is the in-process feature store. Events update it
 * as they arrive; reads answer as of the newest event time seen ({@link #get}) or any later instant ({@link #getAt}).
 * {@link TrainingSetExporter} runs the same engine over the log to build point-in-time training sets.
 *
 * <pre>{@code
 * FeaturePipeline features = new FeaturePipeline(FeatureCatalog.standard(), ItemCatalog.load(catalogStore), SignalWeights.defaults());
 * new ProjectionRunner(eventLog, ProjectionRunner.DEFAULT_PAGE).rebuild(List.of(features));
 * features.get(EntityRef.shopper("s:u-42")).value("spend_30d");
 * features.get(EntityRef.item("P000123")).value("ctr_7d");
 * }</pre>
 */
public final class FeaturePipeline implements Projection, FeatureStore {
    /** The projection's name, also its consumer offset name. */
    public static final String NAME = "features";

    /**
     * Entity counts and the approximate bytes their state holds (arrays and object headers, not JVM padding or the
     * maps that index them).
     */
    public record Stats(int items, int shoppers, long shopperCategories, long shopperBrands, long itemBytes, long shopperBytes) {}

    private final FeatureCatalog catalog;
    private final FeatureEngine engine;

    public FeaturePipeline(FeatureCatalog catalog, ItemCatalog items, SignalWeights weights) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.engine = new FeatureEngine(catalog, Objects.requireNonNull(items, "items"), Objects.requireNonNull(weights, "weights"));
    }

    /** The standard catalogue with default signal weights. */
    public static FeaturePipeline standard(ItemCatalog items) {
        return new FeaturePipeline(FeatureCatalog.standard(), items, SignalWeights.defaults());
    }

    public FeatureCatalog catalog() { return catalog; }

    @Override public String name() { return NAME; }

    @Override public void apply(LoggedEvent event) { engine.apply(event.event()); }

    /** Applies an event that is not (yet) in the log, as {@link #apply(LoggedEvent)} would. */
    public void accept(ShopperEvent event) { engine.apply(event); }

    @Override public void reset() { engine.reset(); }

    /** Drops the actors' shoppers with their categories and brands; item counts keep their totals. */
    @Override public void forget(Set<String> actorKeys) { engine.forget(actorKeys); }

    @Override public FeatureVector get(EntityRef entity) { return engine.read(entity, FeatureEngine.LATEST); }

    /**
     * The features of {@code entity} as of {@code at}, which must not be before the newest event applied (state
     * cannot be rewound); a server may pass its clock so recencies keep growing between events.
     */
    public FeatureVector getAt(EntityRef entity, Instant at) {
        long t = at.toEpochMilli();
        long clock = engine.clock();
        if (t < clock) {
            throw new IllegalArgumentException("cannot read features at " + at + ", before the newest event applied (" + Instant.ofEpochMilli(clock) + ")");
        }
        return engine.read(entity, t);
    }

    @Override public List<FeatureVector> ofShopper(String actorKey, EntityKind kind) {
        return engine.ofShopper(actorKey, kind, FeatureEngine.LATEST);
    }

    @Override public Optional<Instant> asOf() {
        long clock = engine.clock();
        return clock == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(clock));
    }

    /**
     * The most bytes the state of one entity of {@code kind} can take under this catalogue (every window's buckets
     * filled, every distinct set at its bound), without the map entry that indexes it: the per-entity memory bound.
     */
    public long maxStateBytes(EntityKind kind) { return engine.maxBytes(kind); }

    /** Entity counts and state size, walking every entity: for reports, not for the request path. */
    public Stats stats() { return engine.stats(); }
}
