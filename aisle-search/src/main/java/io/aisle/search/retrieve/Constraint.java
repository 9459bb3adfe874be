package io.aisle.search.retrieve;

import org.apache.lucene.search.Query;

/**
 * One filter on the results: from the request (never relaxed) or from the query text (dropped, weakest first, when
 * nothing matches).
 *
 * @param phrase  how to name it to a person ("under $20", "brand: HP")
 * @param query   the products that meet it
 * @param exclude true when products matching {@code query} are the ones removed (a negation)
 */
public record Constraint(Kind kind, String phrase, Query query, boolean exclude) {

    /** Where a constraint came from; the declaration order is the order they are relaxed in. */
    public enum Kind {
        ATTRIBUTE, NUMERIC, PRICE, BRAND, EXCLUDED,
        /** The caller's own filters and price bounds: never relaxed. */
        REQUEST
    }

    /** Never relaxed: request filters, and soft constraints, which never filtered anything. */
    public boolean relaxable() { return kind != Kind.REQUEST && !soft(); }

    /**
     * Brands and attribute values named in the text raise matching products instead of filtering: catalogues fill
     * attributes sparsely (a "headphones" filter on product_type would drop most headphones), and the words still
     * match as text. Explicit filters come from the request.
     */
    public boolean soft() { return kind == Kind.BRAND || kind == Kind.ATTRIBUTE; }
}
