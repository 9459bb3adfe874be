package io.aisle.core.experiment;

import java.util.Map;
import java.util.Objects;

/** The variant one shopper is served in one experiment, with the settings the recommender applies for it. */
public record Assignment(String experimentId, String shopperKey, String variant, boolean control,
                         Map<String, String> config) {
    public Assignment {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(shopperKey, "shopperKey");
        Objects.requireNonNull(variant, "variant");
        config = Map.copyOf(config);
    }
}
