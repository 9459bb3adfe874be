package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.features.graph.ItemScore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The lists that do not depend on who asks, rebuilt in the background every few seconds: listings by popularity and
 * by velocity above their usual rate (trending), the most popular per leaf category and per segment (a department,
 * or {@value #EVERYONE}), and the exploration pool (available listings shown rarely, newest first), also by leaf
 * category.
 *
 * @param byCategory leaf category path joined with " > " to its most popular listings
 * @param bySegment  department name, or {@value #EVERYONE}, to its listings by popularity and velocity blended
 * @param exploreByCategory leaf category path joined with " > " to its part of the exploration pool, newest first
 */
public record Snapshot(List<ItemScore> popular, List<ItemScore> trending, Map<String, List<ItemScore>> byCategory,
                       Map<String, List<ItemScore>> bySegment, List<ProductId> explore,
                       Map<String, List<ProductId>> exploreByCategory, Instant builtAt) {
    public static final String EVERYONE = "everyone";

    public static Snapshot empty() {
        return new Snapshot(List.of(), List.of(), Map.of(), Map.of(), List.of(), Map.of(), Instant.EPOCH);
    }

    public List<ItemScore> category(List<String> path) { return byCategory.getOrDefault(String.join(" > ", path), List.of()); }

    public List<ItemScore> segment(String name) { return bySegment.getOrDefault(name, List.of()); }

    public List<ProductId> exploreIn(List<String> path) { return exploreByCategory.getOrDefault(String.join(" > ", path), List.of()); }
}
