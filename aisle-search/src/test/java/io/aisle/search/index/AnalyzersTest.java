package io.aisle.search.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzersTest {
    private static final Analyzers ANALYZERS = Analyzers.standard();

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(SearchFields.ALL, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    @Test void model_numbers_are_indexed_whole_in_parts_and_joined() {
        assertThat(tokens(ANALYZERS.index(), "Brother TN-2110 toner")).contains("tn-2110", "tn2110", "tn", "2110");
        assertThat(tokens(ANALYZERS.index(), "TN2110")).contains("tn2110", "tn", "2110");
    }

    @Test void queries_join_model_numbers_but_keep_spaced_parts_apart() {
        assertThat(tokens(ANALYZERS.plain(), "tn2110")).containsExactly("tn2110");
        assertThat(tokens(ANALYZERS.plain(), "TN-2110")).containsExactly("tn2110");
        assertThat(tokens(ANALYZERS.plain(), "tn 2110")).containsExactly("tn", "2110");
    }

    @Test void numbers_and_units_become_one_term_however_written() {
        assertThat(tokens(ANALYZERS.plain(), "16gb")).containsExactly("16gb");
        assertThat(tokens(ANALYZERS.plain(), "16 GB")).containsExactly("16gb");
        assertThat(tokens(ANALYZERS.plain(), "15.6\" screen")).containsExactly("156in", "screen");
        assertThat(tokens(ANALYZERS.index(), "16 GB RAM")).contains("16gb", "16", "gb", "ram");
    }

    @Test void units_that_are_also_words_join_only_when_written_joined() {
        assertThat(tokens(ANALYZERS.plain(), "2 in 1 laptop")).containsExactly("2", "1", "laptop");
        assertThat(tokens(ANALYZERS.plain(), "2m cable")).containsExactly("2m", "cable");
    }

    @Test void text_is_stemmed_lower_cased_and_folded() {
        assertThat(tokens(ANALYZERS.plain(), "Headphones Cafés")).containsExactly("headphone", "cafe");
    }

    @Test void stop_words_leave_no_gap() {
        assertThat(tokens(ANALYZERS.plain(), "case for the phone")).containsExactly("case", "phone");
    }

    @Test void synonyms_expand_queries_but_not_the_index() {
        assertThat(tokens(ANALYZERS.query(), "tv")).contains("tv", "television");
        assertThat(tokens(ANALYZERS.index(), "tv")).containsExactly("tv");
        assertThat(tokens(ANALYZERS.query(), "earbuds")).contains("earbud", "earphone", "inear", "headphone");
    }

    @Test void query_syntax_is_only_words() {
        assertThat(tokens(ANALYZERS.plain(), "title:foo AND (")).containsExactly("title", "foo");
        assertThat(tokens(ANALYZERS.plain(), "*:*")).isEmpty();
        assertThat(tokens(ANALYZERS.plain(), "\\")).isEmpty();
        assertThat(tokens(ANALYZERS.plain(), "~2^3")).containsExactly("2", "3");
    }

    @Test void spelling_words_are_unstemmed() {
        assertThat(tokens(ANALYZERS.spell(), "Wireless Headphones")).containsExactly("wireless", "headphones");
    }

    @Test void custom_synonym_rules_are_used_and_bad_ones_refused() {
        Analyzers custom = Analyzers.withSynonyms(new StringReader("hoodie, sweatshirt\n"));
        assertThat(tokens(custom.query(), "hoodie")).contains("sweatshirt");
        assertThat(tokens(custom.query(), "tv")).containsExactly("tv");
        assertThatThrownBy(() -> Analyzers.withSynonyms(new StringReader("a => \n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("synonym rules");
    }
}
