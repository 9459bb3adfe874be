package io.aisle.search;

import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.validation.ValidationException;
import io.aisle.search.support.Products;
import io.aisle.search.support.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Query text is only ever words: syntax, junk and odd characters give safe results or a validation error. */
class HostileQueryTest {
    private static TestEngine search;

    @BeforeAll static void index() { search = TestEngine.lexical(Products.catalogue()); }

    @AfterAll static void close() { search.close(); }

    private static SearchResults find(String q) { return search.engine.search(SearchRequest.of(q).withMode(SearchMode.LEXICAL)); }

    @ParameterizedTest
    @ValueSource(strings = {"title:foo AND (", "*:*", "\\", "~2^3", "\"unbalanced", "laptop OR 1=1; DROP TABLE products",
            "[* TO *]", "/.*/", "{!lucene}laptop", "+-&&||!(){}[]^\"~*?:\\/", "laptop~", "lap*", "brand:Norvik"})
    void lucene_syntax_is_searched_as_plain_words(String q) {
        SearchResults r = find(q);
        assertThat(r.total()).isLessThan(Products.catalogue().size() + 1L);
        assertThat(r.query().original()).isEqualTo(q.strip());
    }

    @Test void a_field_prefix_does_not_select_a_field() {
        // "brand:Norvik" is two words, matched anywhere; "*:*" is no words at all and browses like an empty query.
        assertThat(find("brand:Norvik").hits().subList(0, 2)).allSatisfy(h -> assertThat(h.brand()).isEqualTo("Norvik"));
        assertThat(find("*:*").total()).isEqualTo(find("").total());
    }

    @Test void long_junk_is_answered() {
        Random random = new Random(7);
        StringBuilder junk = new StringBuilder();
        while (junk.length() < 500) {
            char c = (char) (0x21 + random.nextInt(0x2FF));
            if (!Character.isISOControl(c)) junk.append(c).append(random.nextInt(5) == 0 ? " " : "");
        }
        assertThat(find(junk.substring(0, 500)).hits()).isNotNull();
        assertThat(find("laptop ".repeat(70)).hits()).isNotEmpty();
    }

    @Test void odd_unicode_is_answered() {
        for (String q : new String[] {"\uD83D\uDE00\uD83D\uDE00 laptop", "\u202Elaptop", "\uD800 lone surrogate", "\uFFFF\uFFFE",
                "ｌａｐｔｏｐ", "\u0301\u0301\u0301", "لابتوب", "ノートパソコン"}) {
            assertThat(find(q).hits()).as(q).isNotNull();
        }
    }

    @Test void control_characters_and_oversized_queries_are_refused_by_the_request() {
        assertThatThrownBy(() -> SearchRequest.of("laptop\u0000")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> SearchRequest.of("x".repeat(SearchRequest.MAX_QUERY_CHARS + 1))).isInstanceOf(ValidationException.class);
    }
}
