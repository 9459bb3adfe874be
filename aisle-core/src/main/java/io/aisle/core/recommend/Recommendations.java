package io.aisle.core.recommend;

import java.util.List;
import java.util.Objects;

/**
 * A ranked list for one surface.
 *
 * @param modelVersion the ranking models that made the list (ranker and the vectors behind it)
 * @param variant      the experiment arm that served it ({@code default} unless one was asked for)
 * @param tookMs       time spent answering, in milliseconds
 */
public record Recommendations(Surface surface, List<Recommendation> items, String modelVersion, String variant,
                              ServedFrom servedFrom, double tookMs) {
    public Recommendations {
        Objects.requireNonNull(surface, "surface");
        items = List.copyOf(items);
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(servedFrom, "servedFrom");
    }
}
