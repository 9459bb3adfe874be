package io.aisle.search.retrieve;

import io.aisle.core.search.SearchMode;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Retrieval that recovers from zero results by dropping constraints the query text stated, weakest first (attributes,
 * then numbers, price, brand, negations), preferring one that no product meets at all. The caller's own filters are
 * never dropped, and nothing is dropped when the words find nothing even without the text's constraints.
 */
public final class ZeroResultRecovery {
    private ZeroResultRecovery() {}

    /**
     * @param applied the constraints the results meet
     * @param relaxed why each dropped constraint was dropped, in order
     */
    public record Outcome(Retrieval retrieval, Constraints applied, List<String> relaxed) {
        public Outcome { relaxed = List.copyOf(relaxed); }
    }

    public static Outcome retrieve(Retriever retriever, IndexSearcher searcher, QueryTerms terms, List<Query> boosts,
                                   Constraints constraints, SearchMode mode, float[] vector, int depth) {
        Retrieval first = retriever.retrieve(searcher, terms, boosts, constraints, mode, vector, depth);
        List<Constraint> relaxable = constraints.relaxable();
        if (!first.isEmpty() || relaxable.isEmpty()) return new Outcome(first, constraints, List.of());
        Constraints requestOnly = constraints;
        for (Constraint c : relaxable) requestOnly = requestOnly.without(c);
        if (retriever.retrieve(searcher, terms, boosts, requestOnly, mode, vector, 1).isEmpty()) {
            return new Outcome(first, constraints, List.of());
        }
        List<String> reasons = new ArrayList<>();
        Constraints current = constraints;
        Retrieval got = first;
        while (got.isEmpty() && !current.relaxable().isEmpty()) {
            Constraint drop = unmet(searcher, current.relaxable());
            boolean alone = drop != null;
            if (drop == null) drop = current.relaxable().get(0);
            reasons.add("dropped '" + drop.phrase() + "': no products matched it" + (alone ? "" : " together with the rest of the query"));
            current = current.without(drop);
            got = retriever.retrieve(searcher, terms, boosts, current, mode, vector, depth);
        }
        return new Outcome(got, current, reasons);
    }

    /** The weakest constraint that no product meets on its own, or null. */
    private static Constraint unmet(IndexSearcher searcher, List<Constraint> candidates) {
        try {
            for (Constraint c : candidates) {
                if (!c.exclude() && searcher.count(c.query()) == 0) return c;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
