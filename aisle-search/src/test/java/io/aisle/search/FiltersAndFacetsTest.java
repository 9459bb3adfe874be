package io.aisle.search;

import io.aisle.core.search.Facet;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.SearchSort;
import io.aisle.search.support.Products;
import io.aisle.search.support.SimpleUnderstanding;
import io.aisle.search.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.aisle.search.support.Requests.filtered;
import static io.aisle.search.support.Requests.ids;
import static io.aisle.search.support.Requests.lexical;
import static io.aisle.search.support.Requests.priced;
import static io.aisle.search.support.Requests.sorted;
import static org.assertj.core.api.Assertions.assertThat;

class FiltersAndFacetsTest {
    private static TestEngine search;

    @BeforeAll static void index() {
        search = TestEngine.builder(Products.catalogue())
                .understanding(new SimpleUnderstanding(Set.of("Norvik", "Vexon"), Map.of("red", "colour", "silver", "colour")))
                // Popularity by price, so the popularity order is known.
                .popularity(p -> p.price().amount().doubleValue())
                .build();
    }

    @AfterAll static void close() { search.close(); }

    private static SearchResults find(SearchRequest r) { return search.engine.search(r); }

    private static Facet facet(SearchResults r, String name) {
        return r.facets().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test void a_price_range_keeps_products_inside_it() {
        SearchResults r = find(priced("laptop", 500.0, 1000.0));
        assertThat(ids(r)).containsExactlyInAnyOrder("laptop-14", "laptop-15");
        assertThat(r.hits().get(0).explanation().constraintsMet()).containsExactly("price 500 to 1000");
    }

    @Test void a_brand_filter_keeps_that_brand_in_any_case() {
        assertThat(ids(find(filtered("laptop", Map.of("brand", List.of("norvik")))))).containsExactlyInAnyOrder("laptop-14", "laptop-17");
    }

    @Test void values_of_one_facet_are_or_ed_and_facets_are_and_ed() {
        SearchResults r = find(filtered("", Map.of("colour", List.of("Red", "Brown"), "category", List.of("Speakers", "Phone Cases"))));
        assertThat(ids(r)).containsExactlyInAnyOrder("speaker", "phone-case");
    }

    @Test void a_category_filter_takes_a_leaf_or_a_path() {
        assertThat(ids(find(filtered("", Map.of("category", List.of("Electronics > Audio")))))).containsExactlyInAnyOrder(
                "earbuds", "headphones", "speaker");
        assertThat(ids(find(filtered("", Map.of("category", List.of("headphones")))))).containsExactlyInAnyOrder("earbuds", "headphones");
    }

    @Test void in_stock_only_leaves_out_sold_out_products() {
        SearchRequest r = new SearchRequest("laptop", Map.of(), null, null, true, SearchSort.RELEVANCE, SearchMode.LEXICAL, 0, 10, null, false);
        assertThat(ids(find(r))).doesNotContain("laptop-17").contains("laptop-14");
        assertThat(find(lexical("laptop")).hits()).anyMatch(h -> !h.inStock());
    }

    @Test void a_negation_removes_products_that_mention_it() {
        assertThat(ids(find(lexical("headphones")))).contains("headphones", "earbuds");
        SearchResults r = find(lexical("headphones without noise"));
        assertThat(ids(r)).contains("earbuds").doesNotContain("headphones");
        assertThat(r.query().excluded()).containsExactly("noise");
    }

    @Test void brands_named_in_the_query_rank_their_products_first_without_filtering() {
        SearchResults r = find(lexical("vexon laptop"));
        assertThat(ids(r)).startsWith("laptop-15").contains("laptop-14", "laptop-17");
        assertThat(r.hits().get(0).explanation().constraintsMet()).containsExactly("brand: Vexon");
        assertThat(r.relaxed()).isEmpty();
    }

    @Test void facets_count_every_match_not_just_the_page() {
        SearchRequest firstTwo = new SearchRequest("", Map.of(), null, null, false, SearchSort.RELEVANCE, SearchMode.LEXICAL, 0, 2, null, false);
        SearchResults r = find(firstTwo);
        assertThat(r.hits()).hasSize(2);
        Facet brand = facet(r, "brand");
        assertThat(brand.values().stream().mapToLong(Facet.Value::count).sum()).isEqualTo(r.total()).isEqualTo(17);
        assertThat(brand.values().subList(0, 2)).containsExactly(new Facet.Value("Loomwell", 2), new Facet.Value("Norvik", 2));
        assertThat(facet(r, "colour").values().get(0)).isEqualTo(new Facet.Value("Black", 7));
    }

    @Test void facets_follow_the_query() {
        SearchResults r = find(lexical("laptop"));
        assertThat(facet(r, "brand").values()).contains(new Facet.Value("Norvik", 2), new Facet.Value("Vexon", 1));
        assertThat(facet(r, "category").values()).contains(new Facet.Value("Laptops", 3));
        assertThat(facet(r, "ram").values()).containsExactlyInAnyOrder(
                new Facet.Value("16 GB", 1), new Facet.Value("32 GB", 1), new Facet.Value("8 GB", 1));
    }

    @Test void pages_follow_one_another_without_gaps_or_repeats() {
        List<String> all = ids(find(sorted("", SearchSort.RELEVANCE, 0, 17)));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 17; offset += 5) paged.addAll(ids(find(sorted("", SearchSort.RELEVANCE, offset, 5))));
        assertThat(paged).isEqualTo(all).doesNotHaveDuplicates().hasSize(17);
        assertThat(find(sorted("", SearchSort.RELEVANCE, 100, 5)).hits()).isEmpty();
    }

    @Test void results_sort_by_price_both_ways_and_by_popularity() {
        List<Double> ascending = find(sorted("", SearchSort.PRICE_ASC, 0, 17)).hits().stream()
                .map(h -> h.price().amount().doubleValue()).toList();
        assertThat(ascending).isSorted().hasSize(17);
        List<Double> descending = find(sorted("", SearchSort.PRICE_DESC, 0, 17)).hits().stream()
                .map(h -> -h.price().amount().doubleValue()).toList();
        assertThat(descending).isSorted();
        assertThat(ids(find(sorted("laptop", SearchSort.POPULARITY, 0, 3)))).containsExactly("laptop-17", "laptop-14", "laptop-15");
        assertThat(ids(find(sorted("laptop", SearchSort.PRICE_ASC, 1, 2)))).containsExactly("laptop-15", "laptop-14");
    }

    @Test void a_constraint_nothing_meets_is_dropped_with_the_reason() {
        SearchResults r = find(lexical("laptop under $5"));
        assertThat(r.relaxed()).containsExactly("dropped 'under $5': no products matched it");
        assertThat(ids(r)).contains("laptop-14", "laptop-15", "laptop-17");
    }

    @Test void named_attribute_values_are_soft_so_nothing_needs_dropping() {
        SearchResults r = find(lexical("red norvik laptop"));
        assertThat(r.relaxed()).isEmpty();
        assertThat(ids(r).subList(0, 2)).containsExactlyInAnyOrder("laptop-14", "laptop-17");
        // The brand the shopper named is met; the colour no Norvik laptop has is simply not.
        assertThat(r.hits().get(0).explanation().constraintsMet()).containsExactly("brand: Norvik");
    }

    @Test void the_callers_own_filters_are_never_dropped() {
        SearchResults r = find(filtered("laptop", Map.of("brand", List.of("Nowhere"))));
        assertThat(r.hits()).isEmpty();
        assertThat(r.relaxed()).isEmpty();
    }

    @Test void nothing_is_dropped_when_the_words_find_nothing_anyway() {
        SearchResults r = find(lexical("xylophone under $5"));
        assertThat(r.hits()).isEmpty();
        assertThat(r.relaxed()).isEmpty();
    }

    @Test void price_filters_from_the_request_and_the_query_add_up() {
        SearchRequest r = new SearchRequest("laptop under $1000", Map.of(), 600.0, null, false, SearchSort.RELEVANCE, SearchMode.LEXICAL, 0, 10, null, false);
        assertThat(ids(find(r))).containsExactly("laptop-14");
    }
}
