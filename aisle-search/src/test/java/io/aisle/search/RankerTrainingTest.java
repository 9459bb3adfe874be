package io.aisle.search;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.SearchRequest;
import io.aisle.search.rank.RankingExample;
import io.aisle.search.rank.RankingModel;
import io.aisle.search.rank.RankingParams;
import io.aisle.search.support.Products;
import io.aisle.search.support.TestEngine;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankerTrainingTest {

    @Test void rowsHoldEveryJudgmentAndTheUnjudgedHeadAsNotRelevant() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            Map<String, Map<ProductId, Integer>> judged = new LinkedHashMap<>();
            // "espresso" is judged for a laptop query: retrieval never returns it, its row must still be there.
            judged.put("laptop", Map.of(ProductId.of("laptop-17"), 3, ProductId.of("espresso"), 0));
            List<RankingExample> rows = RankerTraining.examples(search.engine, judged, 100);

            assertThat(rows).allMatch(r -> r.group().equals("laptop"));
            assertThat(rows).filteredOn(r -> r.label() == 3).hasSize(1);
            // laptop-14 and laptop-15 are retrieved but unjudged: grade 0; plus espresso, judged 0
            assertThat(rows).hasSizeGreaterThanOrEqualTo(4);
            assertThat(rows).filteredOn(r -> r.label() == 0).hasSize(rows.size() - 1);
        }
    }

    @Test void aRankerTrainedOnJudgmentsReordersTheEngine() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            Map<String, Map<ProductId, Integer>> judged = new LinkedHashMap<>();
            judged.put("laptop", Map.of(ProductId.of("laptop-15"), 3));
            judged.put("notebook", Map.of(ProductId.of("laptop-15"), 3));
            judged.put("norvik laptop", Map.of(ProductId.of("laptop-14"), 3));
            try (RankingModel model = RankingModel.train(RankerTraining.examples(search.engine, judged, 100),
                    RankingParams.defaults().withRounds(50))) {
                SearchEngine reranked = new SearchEngine(search.index, new io.aisle.search.query.CatalogQueryUnderstanding(),
                        null, model::score, null, null);
                var hits = reranked.search(SearchRequest.of("laptop")).hits();
                assertThat(hits).isNotEmpty();
                assertThat(hits.get(0).explanation().rerankScore()).isNotNull();
            }
        }
    }
}
