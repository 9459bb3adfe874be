package io.aisle.search;

import io.aisle.core.search.SearchResults;
import io.aisle.search.support.Products;
import io.aisle.search.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.aisle.search.support.Requests.ids;
import static io.aisle.search.support.Requests.lexical;
import static org.assertj.core.api.Assertions.assertThat;

class LexicalSearchTest {
    private static TestEngine search;

    @BeforeAll static void index() { search = TestEngine.lexical(Products.catalogue()); }

    @AfterAll static void close() { search.close(); }

    private static SearchResults find(String q) { return search.engine.search(lexical(q)); }

    @Test void a_title_match_beats_a_description_match() {
        assertThat(ids(find("tote"))).containsExactly("tote", "backpack");
    }

    @Test void synonyms_find_products_that_use_the_other_word() {
        assertThat(ids(find("tv"))).containsExactly("tv-55");
        assertThat(ids(find("memory stick"))).containsExactly("flash");
        assertThat(ids(find("solid state drive"))).startsWith("ssd");
    }

    @Test void model_numbers_match_with_or_without_the_hyphen() {
        assertThat(ids(find("tn2110"))).containsExactly("toner-2110");
        assertThat(ids(find("TN2110"))).containsExactly("toner-2110");
        assertThat(ids(find("tn 2110"))).containsExactly("toner-2110");
        assertThat(ids(find("TN-2110 toner"))).startsWith("toner-2110");
    }

    @Test void sizes_match_however_the_unit_is_written() {
        assertThat(ids(find("64 gb usb"))).startsWith("flash");
        assertThat(ids(find("laptop 16gb"))).startsWith("laptop-14");
    }

    @Test void a_typo_still_finds_the_product() {
        assertThat(ids(find("headphnes"))).contains("headphones");
        assertThat(ids(find("espreso machine"))).startsWith("espresso");
    }

    @Test void a_misspelt_query_is_searched_corrected_and_offered() {
        SearchResults r = find("bluetoth speakr");
        assertThat(r.didYouMean()).isEqualTo("bluetooth speaker");
        assertThat(r.query().correction()).isEqualTo("bluetooth speaker");
        assertThat(r.query().original()).isEqualTo("bluetoth speakr");
        assertThat(ids(r)).startsWith("speaker");
    }

    @Test void a_correctly_spelt_query_gets_no_suggestion() {
        assertThat(find("bluetooth speaker").didYouMean()).isNull();
    }

    @Test void words_found_only_in_descriptions_are_not_corrected() {
        SearchResults r = find("cappuccinos");
        assertThat(r.didYouMean()).isNull();
        assertThat(ids(r)).containsExactly("espresso");
    }

    @Test void an_empty_query_browses_everything() {
        SearchResults r = find("");
        assertThat(r.total()).isEqualTo(Products.catalogue().size());
        assertThat(r.hits()).hasSize(10);
    }

    @Test void a_query_nothing_matches_returns_nothing() {
        SearchResults r = find("xylophone");
        assertThat(r.total()).isZero();
        assertThat(r.hits()).isEmpty();
        assertThat(r.relaxed()).isEmpty();
    }

    @Test void every_hit_explains_itself() {
        SearchResults r = find("norvik laptop");
        var top = r.hits().get(0);
        assertThat(top.id().value()).startsWith("laptop-1");
        assertThat(top.explanation().matchedTerms()).containsKeys("title", "brand");
        assertThat(top.explanation().matchedTerms().get("brand")).containsExactly("norvik");
        assertThat(top.explanation().lexicalRank()).isEqualTo(1);
        assertThat(top.explanation().lexicalScore()).isPositive();
        assertThat(top.explanation().vectorRank()).isNull();
        assertThat(top.explanation().semanticScore()).isNull();
        assertThat(top.explanation().rerankScore()).isNull();
        assertThat(top.title()).contains("Norvik");
        assertThat(top.brand()).isEqualTo("Norvik");
        assertThat(top.price().currency()).isEqualTo("EUR");
    }
}
