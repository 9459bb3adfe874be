package io.aisle.features.segment;

import java.util.Objects;

/**
 * A group a shopper belongs to, with the reason in words.
 *
 * @param family      what the segment divides shoppers by (e.g. {@code rfm}, {@code price}, {@code lifecycle}, {@code taste})
 * @param name        the segment within the family (e.g. {@code champion}, {@code bargain_hunter}, {@code cluster-3})
 * @param kind        RULE when a stated rule put the shopper there, LEARNED when clustering did
 * @param explanation why, in one sentence a merchant can read
 */
public record Segment(String family, String name, Kind kind, String explanation) {
    public Segment {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** How a segment was decided. */
    public enum Kind { RULE, LEARNED }
}
