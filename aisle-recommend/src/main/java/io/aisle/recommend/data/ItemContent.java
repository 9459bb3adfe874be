package io.aisle.recommend.data;

import java.util.Objects;

/**
 * What is known about items apart from interactions, indexed like {@link Sequences}: sparse attribute ids
 * (category, brand, ...) and optional dense content vectors (sentence-encoder output; a row may be null).
 * Content lets models place items nobody has interacted with yet.
 */
public record ItemContent(int[][] attributes, int attributeCount, float[][] vectors) {

    public ItemContent {
        Objects.requireNonNull(attributes, "attributes");
        if (attributeCount < 0) throw new IllegalArgumentException("attributeCount must be >= 0, got " + attributeCount);
        for (int i = 0; i < attributes.length; i++) {
            int[] a = Objects.requireNonNull(attributes[i], "attributes[" + i + "]");
            for (int x : a) {
                if (x < 0 || x >= attributeCount) {
                    throw new IllegalArgumentException("attributes[" + i + "] holds " + x + " outside 0.." + (attributeCount - 1));
                }
            }
        }
        if (vectors != null && vectors.length != attributes.length) {
            throw new IllegalArgumentException("vectors has " + vectors.length + " rows for " + attributes.length + " items");
        }
    }

    /** No content at all for {@code items} items. */
    public static ItemContent none(int items) { return new ItemContent(new int[items][0], 0, null); }

    public int items() { return attributes.length; }

    public boolean hasVectors() { return vectors != null; }
}
