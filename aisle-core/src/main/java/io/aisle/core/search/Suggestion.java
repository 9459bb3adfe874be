package io.aisle.core.search;

/** An autocomplete entry: a completion and where it came from. */
public record Suggestion(String text, Source source, double weight) {
    /** Where a suggestion came from. */
    public enum Source { QUERY, PRODUCT, BRAND, CATEGORY }
}
