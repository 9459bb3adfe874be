package io.aisle.search;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.Suggestion;
import io.aisle.core.validation.ValidationException;
import io.aisle.search.support.Products;
import io.aisle.search.support.TestEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuggestTest {
    private static List<String> texts(List<Suggestion> s) { return s.stream().map(Suggestion::text).toList(); }

    @Test void past_searches_come_first_most_frequent_first() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            for (int i = 0; i < 2; i++) search.engine.recordSearch("laptop bag", 3);
            search.engine.recordSearch("Laptop  Stand", 1);
            for (int i = 0; i < 2; i++) search.engine.recordSearch("laptop stand", 2);
            search.engine.recordSearch("laptop for jane doe", 4);
            List<Suggestion> s = search.engine.suggest("lap", 10);
            assertThat(texts(s)).startsWith("laptop stand", "laptop bag");
            assertThat(s.get(0)).isEqualTo(new Suggestion("laptop stand", Suggestion.Source.QUERY, 3));
            assertThat(texts(s)).as("searched once: never suggested to others").doesNotContain("laptop for jane doe");
            assertThat(s).anyMatch(x -> x.source() == Suggestion.Source.CATEGORY && x.text().equals("Laptops"));
        }
    }

    @Test void searches_that_found_nothing_are_not_suggested() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            for (int i = 0; i < 3; i++) search.engine.recordSearch("xylophone", 0);
            assertThat(search.engine.suggest("xyl", 5)).isEmpty();
        }
    }

    @Test void the_catalogue_suggests_brands_categories_and_titles_whatever_the_case() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            List<Suggestion> s = search.engine.suggest("NOR", 10);
            assertThat(s).contains(new Suggestion("Norvik", Suggestion.Source.BRAND, 2));
            assertThat(texts(s)).contains("Norvik AeroBook 14 Laptop, 16 GB RAM, 512 GB SSD");
            assertThat(search.engine.suggest("tel", 5)).contains(new Suggestion("Televisions", Suggestion.Source.CATEGORY, 1));
        }
    }

    @Test void deleted_products_are_no_longer_suggested() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            search.index.awaitVisible(search.index.delete(ProductId.of("sofa")), 10_000);
            assertThat(texts(search.engine.suggest("hallberg", 5))).isEmpty();
        }
    }

    @Test void the_limit_is_kept_and_checked() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            assertThat(search.engine.suggest("b", 2)).hasSize(2);
            assertThat(search.engine.suggest("  ", 5)).isEmpty();
            assertThatThrownBy(() -> search.engine.suggest("b", 0)).isInstanceOf(ValidationException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> search.engine.suggest("b".repeat(101), 5)).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> search.engine.suggest("b\u0000", 5)).isInstanceOf(ValidationException.class);
        }
    }
}
