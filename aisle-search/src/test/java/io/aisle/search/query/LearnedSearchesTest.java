package io.aisle.search.query;

import io.aisle.core.search.ParsedQuery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LearnedSearchesTest {

    @Test void pastSearchesTeachCategoriesAndForgettingThemRestoresTheCatalogueOnlyParse() {
        CatalogQueryUnderstanding understanding = new CatalogQueryUnderstanding();
        TestCatalog.products().forEach(understanding::accept);
        ParsedQuery before = understanding.parse("couch potato gear");

        for (int i = 0; i < 20; i++) understanding.learnSearch("couch potato gear", TestCatalog.TVS);
        ParsedQuery learned = understanding.parse("couch potato gear");
        assertThat(learned.categories()).isNotEmpty();
        assertThat(learned.categories().get(0).path()).isEqualTo(TestCatalog.TVS);

        understanding.forgetSearches();
        assertThat(understanding.parse("couch potato gear")).isEqualTo(before);
        assertThat(understanding.parse("running shoes")).isEqualTo(freshParse("running shoes"));
    }

    private static ParsedQuery freshParse(String text) {
        CatalogQueryUnderstanding fresh = new CatalogQueryUnderstanding();
        TestCatalog.products().forEach(fresh::accept);
        return fresh.parse(text);
    }

    @Test void learnedSearchesIgnoreBlankCategories() {
        CatalogQueryUnderstanding understanding = new CatalogQueryUnderstanding();
        TestCatalog.products().forEach(understanding::accept);
        ParsedQuery before = understanding.parse("laptop");
        understanding.learnSearch("laptop", List.of());
        understanding.learnSearch("laptop", List.of(" "));
        assertThat(understanding.parse("laptop")).isEqualTo(before);
    }
}
