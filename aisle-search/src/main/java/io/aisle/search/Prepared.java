package io.aisle.search;

import io.aisle.core.search.ParsedQuery;
import io.aisle.search.retrieve.Constraints;
import io.aisle.search.retrieve.FeatureQuery;
import io.aisle.search.retrieve.Fused;
import io.aisle.search.retrieve.QueryTerms;
import io.aisle.search.retrieve.Retrieval;
import io.aisle.search.retrieve.ZeroResultRecovery;

import java.util.HashMap;
import java.util.Map;

/**
 * A query understood and retrieved, ready to rank.
 *
 * @param constraints every constraint the query stated, before relaxation
 * @param didYouMean  the corrected query searched instead of the shopper's, or null
 */
record Prepared(ParsedQuery parsed, QueryTerms terms, Constraints constraints, double[] priceBounds, float[] vector,
                ZeroResultRecovery.Outcome outcome, String didYouMean) {

    Retrieval retrieval() { return outcome.retrieval(); }

    FeatureQuery featureQuery() { return new FeatureQuery(terms, parsed, constraints, priceBounds, vector); }

    Map<Integer, Fused> fusedByDoc() {
        Map<Integer, Fused> out = new HashMap<>();
        for (Fused f : retrieval().fused()) out.put(f.doc(), f);
        return out;
    }
}
