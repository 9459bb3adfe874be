package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sums each candidate's score over the anchors that point to it and remembers the anchor that gave the most,
 * whose name becomes the candidate's reason ("because you viewed X").
 */
final class AnchorTally {
    private final Map<ProductId, double[]> scores = new HashMap<>(); // {sum, largest single contribution}
    private final Map<ProductId, Anchor> best = new HashMap<>();

    void add(ProductId item, Anchor anchor, double amount) {
        double[] sum = scores.computeIfAbsent(item, k -> new double[2]);
        sum[0] += amount;
        if (amount > sum[1]) {
            sum[1] = amount;
            best.put(item, anchor);
        }
    }

    /** The best {@code limit} candidates; the reason is built once per anchor, not once per candidate. */
    List<Candidate> top(Function<Anchor, String> reason, int limit) {
        List<Candidate> out = new ArrayList<>(scores.size());
        Map<Anchor, String> reasons = new IdentityHashMap<>();
        scores.forEach((id, s) -> out.add(new Candidate(id, s[0], reasons.computeIfAbsent(best.get(id), reason))));
        return Sources.top(out, limit);
    }
}
