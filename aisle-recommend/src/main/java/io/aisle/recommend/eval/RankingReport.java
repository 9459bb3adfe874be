package io.aisle.recommend.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/** Leave-one-out ranking figures for one model: hit rate and NDCG at 10 and 20, and catalogue coverage of the top 10. */
public record RankingReport(int cases, double hr10, double ndcg10, double hr20, double ndcg20, double coverage) {

    /** Metric names as the benchmark JSON writes them. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("hr@10", hr10);
        m.put("ndcg@10", ndcg10);
        m.put("hr@20", hr20);
        m.put("ndcg@20", ndcg20);
        m.put("coverage", coverage);
        return m;
    }

    @Override public String toString() {
        return String.format("HR@10 %.4f  NDCG@10 %.4f  HR@20 %.4f  NDCG@20 %.4f  coverage %.3f  (%d cases)",
                hr10, ndcg10, hr20, ndcg20, coverage, cases);
    }
}
