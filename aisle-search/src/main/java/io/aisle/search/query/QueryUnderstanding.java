package io.aisle.search.query;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.ParsedQuery;

import java.util.List;

/**
 * Turns query text into a {@link ParsedQuery} using the catalogue's own vocabulary (brands, categories, attribute
 * names and values) and what past searches taught it. Kept current as the catalogue changes. Thread-safe.
 */
public interface QueryUnderstanding {

    /** The parse of {@code text} (already length- and character-checked by {@code SearchRequest}). */
    ParsedQuery parse(String text);

    /** The parse of {@code text}; without {@code vectors} no sentence vectors are used (cheaper, words only). */
    default ParsedQuery parse(String text, boolean vectors) { return parse(text); }

    /** Learns (or re-learns, replacing an older version) a product's vocabulary. */
    void accept(Product product);

    /** Forgets a product's contribution to the vocabulary. */
    void remove(ProductId id);

    /** Learns from a past search: its text and the category path of a product the shopper clicked or bought. */
    void learnSearch(String query, List<String> categoryPath);

    /** Forgets everything {@link #learnSearch} taught, before the search history is replayed from the start. */
    default void forgetSearches() {}

    /**
     * Prepares what the first parses would otherwise build (such as vectors of catalogue strings); call after a bulk
     * load. Returns how many items it prepared.
     */
    default int warmUp() { return 0; }
}
