package io.aisle.server.recommend;

import java.util.List;

/**
 * One way of proposing products for a request: co-visitation, vector neighbours, popularity, a trained model.
 * Sources see the request through its {@link CandidateContext} and never filter for stock or rules: ranking and
 * business rules do that for all of them. A trained model joins as one more source ({@link ModelSource}).
 */
public interface CandidateSource {
    /** Stable name: the blend weight's key and the {@code source} shown with each item. */
    String name();

    /** At most {@link CandidateContext#perSource()} candidates, in any order; empty when the source has nothing. */
    List<Candidate> generate(CandidateContext ctx);
}
