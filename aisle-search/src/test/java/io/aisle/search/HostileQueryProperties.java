package io.aisle.search;

import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.validation.ValidationException;
import io.aisle.search.support.Products;
import io.aisle.search.support.TestEngine;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the text, search answers or refuses it with a validation error; it never fails otherwise. */
class HostileQueryProperties {
    private static TestEngine search;

    @BeforeContainer static void index() { search = TestEngine.lexical(Products.catalogue()); }

    @AfterContainer static void close() { search.close(); }

    @Property(tries = 100)
    void any_text_gives_results_or_a_validation_error(@ForAll @StringLength(max = 120) String q) {
        SearchRequest request;
        try {
            request = SearchRequest.of(q);
        } catch (ValidationException e) {
            return;
        }
        for (SearchMode mode : SearchMode.values()) {
            SearchResults r = search.engine.search(request.withMode(mode));
            assertThat(r.total()).isBetween(0L, (long) Products.catalogue().size());
        }
        assertThat(search.engine.suggest(q.isEmpty() ? "a" : q.substring(0, Math.min(q.length(), 50)).replaceAll("\\p{Cntrl}", " "), 5))
                .isNotNull();
    }
}
