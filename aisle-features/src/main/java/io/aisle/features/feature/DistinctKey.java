package io.aisle.features.feature;

/** What a bounded distinct count counts. */
public enum DistinctKey {
    /** Session ids of the entity's events. */
    SESSION,
    /** Listings named by the entity's lines. */
    ITEM,
    /** Category keys of the entity's lines (lines without a category are skipped). */
    CATEGORY,
    /** Brands of the entity's lines (lines without a brand are skipped). */
    BRAND
}
