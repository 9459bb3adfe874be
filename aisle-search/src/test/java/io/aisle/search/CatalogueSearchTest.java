package io.aisle.search;

import io.aisle.core.search.SearchHit;
import io.aisle.core.search.SearchRequest;
import io.aisle.search.support.Products;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueSearchTest {

    @Test void engines_over_one_index_share_or_own_their_understanding() {
        try (CatalogueSearch search = new CatalogueSearch(Products.catalogue(), p -> null, null)) {
            assertThat(search.indexSeconds()).isPositive();
            SearchEngine first = search.engine(null);
            SearchEngine reranked = search.engine(features -> -features.bm25Title());
            SearchEngine fresh = search.freshEngine();
            var request = SearchRequest.of("norvik laptop under $1000");
            assertThat(first.search(request).hits()).extracting(SearchHit::id).extracting(id -> id.value()).contains("laptop-14");
            assertThat(fresh.search(request).query()).isEqualTo(first.search(request).query());
            assertThat(first.search(request).query().numeric()).isNotEmpty(); // the vocabulary was learned
            assertThat(reranked.search(request).hits().get(0).explanation().rerankScore()).isNotNull();
        }
    }
}
