package io.aisle.features.graph;

import java.util.List;

/** A category path (a leaf, or a prefix of one) and the decayed item weight summed into it. */
public record CategoryScore(List<String> path, double weight) {
    public CategoryScore { path = List.copyOf(path); }

    /** The path as shops show it: "Shoes > Running Shoes". */
    public String key() { return String.join(" > ", path); }
}
