package io.aisle.search;

import io.aisle.core.search.SearchHit;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.search.support.Encoder;
import io.aisle.search.support.Products;
import io.aisle.search.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.aisle.search.support.Requests.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** Hybrid retrieval with the real sentence encoder over the hand-made catalogue. */
class HybridSearchTest {
    private static TestEngine search;

    @BeforeAll static void index() { search = TestEngine.builder(Products.catalogue()).embedder(Encoder.get()).build(); }

    @AfterAll static void close() { search.close(); }

    private static SearchResults find(String q, SearchMode mode) { return search.engine.search(SearchRequest.of(q).withMode(mode)); }

    @Test void meaning_finds_products_that_share_no_words_with_the_query() {
        String q = "something to listen to music on the go";
        assertThat(find(q, SearchMode.LEXICAL).hits()).isEmpty();
        SearchResults r = find(q, SearchMode.HYBRID);
        assertThat(ids(r).subList(0, 3)).contains("earbuds", "headphones");
        SearchHit earbuds = r.hits().stream().filter(h -> h.id().value().equals("earbuds")).findFirst().orElseThrow();
        assertThat(earbuds.explanation().lexicalRank()).isNull();
        assertThat(earbuds.explanation().vectorRank()).isNotNull();
        assertThat(earbuds.explanation().semanticScore()).isBetween(0.0, 1.0);
    }

    @Test void an_exact_lexical_match_stays_first() {
        assertThat(ids(find("tn2110", SearchMode.HYBRID))).startsWith("toner-2110");
        assertThat(ids(find("tote bag", SearchMode.HYBRID))).startsWith("tote");
    }

    @Test void a_hit_found_by_both_retrievers_carries_both_ranks() {
        SearchHit top = find("noise cancelling headphones", SearchMode.HYBRID).hits().get(0);
        assertThat(top.id().value()).isEqualTo("headphones");
        assertThat(top.explanation().lexicalRank()).isEqualTo(1);
        assertThat(top.explanation().vectorRank()).isEqualTo(1);
        assertThat(top.explanation().semanticScore()).isPositive();
    }

    @Test void vector_mode_uses_meaning_only() {
        SearchResults r = find("portable music player for the gym", SearchMode.VECTOR);
        assertThat(r.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.explanation().lexicalRank()).isNull());
        assertThat(ids(r)).contains("earbuds");
    }

    @Test void unrelated_neighbours_are_not_results() {
        SearchResults r = find("laptop", SearchMode.HYBRID);
        assertThat(ids(r)).contains("laptop-14", "laptop-15", "laptop-17").doesNotContain("sofa", "tote", "espresso");
    }

    @Test void without_an_encoder_hybrid_search_is_lexical() {
        try (TestEngine lexicalOnly = TestEngine.lexical(Products.catalogue())) {
            SearchResults r = lexicalOnly.engine.search(SearchRequest.of("something to listen to music on the go"));
            assertThat(r.hits()).isEmpty();
            assertThat(ids(lexicalOnly.engine.search(SearchRequest.of("tv")))).containsExactly("tv-55");
        }
    }
}
