package io.aisle.core.port;

import io.aisle.core.feature.EntityKind;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.feature.FeatureVector;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of the online feature store: the latest feature values per entity. Narrow on purpose, so a
 * key-value adapter (one hash per entity, one per shopper for its categories and brands) can implement it.
 */
public interface FeatureStore {

    /**
     * The features of {@code entity} as of {@link #asOf()}; an entity never seen gets the values of no data (counts
     * 0, ratios and recencies NaN), so every vector has every feature of its kind.
     */
    FeatureVector get(EntityRef entity);

    /** {@link #get} for each entity, in the order given. */
    default Map<EntityRef, FeatureVector> getAll(Collection<EntityRef> entities) {
        Map<EntityRef, FeatureVector> out = new LinkedHashMap<>();
        for (EntityRef e : entities) out.put(e, get(e));
        return out;
    }

    /**
     * The vectors of every entity of {@code kind} ({@link EntityKind#SHOPPER_CATEGORY} or
     * {@link EntityKind#SHOPPER_BRAND}) that the shopper with this actor key has, ordered by id.
     */
    List<FeatureVector> ofShopper(String actorKey, EntityKind kind);

    /** The newest event time the store has seen; empty before the first event. */
    Optional<Instant> asOf();
}
