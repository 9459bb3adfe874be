package io.aisle.search;

import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.Suggestion;
import io.aisle.search.support.Products;
import io.aisle.search.support.TestEngine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarmUpTest {
    @Test void runs_the_searches_asked_for_and_leaves_no_trace_in_suggestions_or_results() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            SearchResults before = search.engine.search(SearchRequest.of("laptop"));
            assertThat(search.engine.warmUp(40)).isEqualTo(40);
            assertThat(search.engine.suggest("norvik aero", 10)).allMatch(s -> s.source() != Suggestion.Source.QUERY);
            SearchResults after = search.engine.search(SearchRequest.of("laptop"));
            assertThat(after.hits()).isEqualTo(before.hits());
            assertThat(after.facets()).isEqualTo(before.facets());
        }
    }

    @Test void an_empty_index_or_zero_searches_run_nothing_and_a_negative_count_is_refused() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            assertThat(search.engine.warmUp(0)).isZero();
            assertThatThrownBy(() -> search.engine.warmUp(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("searches");
            for (var p : Products.catalogue()) search.index.delete(p.id());
            search.index.refreshNow();
            assertThat(search.engine.warmUp(10)).isZero();
        }
    }

    @Test void texts_are_shaped_like_shoppers_searches() {
        assertThat(WarmUpQueries.withCeiling("Norvik AeroBook 14 Laptop", "899.00 EUR")).isEqualTo("norvik aerobook under 1080");
        assertThat(WarmUpQueries.withCeiling("Kettle", "not a price")).isEqualTo("Kettle");
        assertThat(WarmUpQueries.withTypo("Norvik AeroBook 14 Laptop")).isEqualTo("norvik aerboook 14 laptop");
        assertThat(WarmUpQueries.withTypo("tv")).isEqualTo("tv");
    }
}
