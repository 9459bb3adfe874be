package io.aisle.search;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.search.rank.RankFeatures;
import io.aisle.search.rank.RankingExample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training rows for the re-ranker from graded judgments, as the engine will see candidates when serving: per query
 * the fused head (products nobody judged count as not relevant, as the evaluation counts them) plus the judged
 * products retrieval missed, so every judgment teaches something.
 */
public final class RankerTraining {
    private RankerTraining() {}

    /**
     * @param judgments per query text, the grade of each judged product (0 = not relevant)
     * @param depth     fused candidates taken per query; use the engine's re-rank depth
     */
    public static List<RankingExample> examples(SearchEngine engine, Map<String, Map<ProductId, Integer>> judgments, int depth) {
        List<RankingExample> out = new ArrayList<>();
        judgments.forEach((query, grades) -> {
            SearchRequest request = SearchRequest.of(query).withMode(SearchMode.HYBRID);
            Map<ProductId, RankFeatures> features = new LinkedHashMap<>();
            for (Candidate c : engine.candidates(request, depth)) features.put(c.id(), c.features());
            List<ProductId> missing = grades.keySet().stream().filter(id -> !features.containsKey(id)).toList();
            features.putAll(engine.rankFeatures(request, missing));
            features.forEach((id, f) -> out.add(RankingExample.of(query, grades.getOrDefault(id, 0), f)));
        });
        return out;
    }
}
