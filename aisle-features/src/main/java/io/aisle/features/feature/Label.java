package io.aisle.features.feature;

import io.aisle.core.feature.EntityRef;

import java.time.Instant;
import java.util.Objects;

/** What a model should learn for one entity at one instant: the features are taken strictly before {@code time}. */
public record Label(EntityRef entity, Instant time, double value) {
    public Label {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(time, "time");
    }
}
