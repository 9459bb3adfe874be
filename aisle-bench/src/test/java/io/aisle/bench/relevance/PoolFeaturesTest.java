package io.aisle.bench.relevance;

import io.aisle.search.rank.RankFeatures;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PoolFeaturesTest {
    @TempDir Path dir;

    private static final List<JudgedPair> ROWS = List.of(
            new JudgedPair("1", "wool socks", "Warm Wool Socks for Hiking", "<p>Merino <b>wool</b>.</p>", 4, 1),
            new JudgedPair("2", "wool socks", "Cotton Socks", "", 3, 2),
            new JudgedPair("3", "wool socks", "Desk Lamp", "An LED lamp.", 1, 3),
            new JudgedPair("4", "desk lamp", "LED Desk Lamp", "Bright and wool-free.", 4, 1));

    @Test
    void computes_bm25_coverage_phrase_ranks_and_fusion_within_each_pool() {
        PoolFeatures.Result r = PoolFeatures.compute(ROWS, new VectorCache(new FakeEmbedder(), dir, m -> {}), m -> {});
        RankFeatures best = r.features().get(0);
        RankFeatures partial = r.features().get(1);
        RankFeatures none = r.features().get(2);
        assertThat(best.bm25All()).isGreaterThan(partial.bm25All()).isGreaterThan(0);
        assertThat(none.bm25All()).isZero();
        // Lamp documents are another query's pool: "Desk Lamp" in the wool-socks pool matches nothing.
        assertThat(none.lexicalRank()).isZero();
        assertThat(best.lexicalRank()).isEqualTo(1.0);
        assertThat(partial.lexicalRank()).isEqualTo(0.5);
        assertThat(best.termCoverage()).isEqualTo(1.0);
        assertThat(partial.titleCoverage()).isEqualTo(0.5);
        assertThat(best.titlePhrase()).isEqualTo(1.0);
        assertThat(partial.titlePhrase()).isZero();
        assertThat(best.queryTerms()).isEqualTo(2);
        assertThat(best.titleTerms()).isEqualTo(4); // "for" is a stop word
        assertThat(best.bm25Description()).isPositive(); // HTML stripped, "wool" found
        assertThat(best.vectorRank()).isEqualTo(1.0);
        assertThat(best.fused()).isCloseTo(2.0 / 61, within(1e-12));
        assertThat(none.fused()).isCloseTo(1.0 / (60 + 1 / none.vectorRank()), within(1e-12));
        for (String missing : List.of("bm25_brand", "brand_match", "popularity", "in_stock", "price_fit")) {
            assertThat(best.toArray()[RankFeatures.NAMES.indexOf(missing)]).isNaN();
        }
        assertThat(r.bm25All()[0]).isEqualTo(best.bm25All());
        assertThat(r.vectorSimilarity()[0]).isEqualTo(best.vectorSimilarity());
    }

    @Test
    void a_phrase_is_the_query_terms_in_order_and_adjacent() {
        assertThat(PoolFeatures.phrase(List.of("wool", "sock"), List.of("warm", "wool", "sock"))).isTrue();
        assertThat(PoolFeatures.phrase(List.of("wool", "sock"), List.of("sock", "wool"))).isFalse();
        assertThat(PoolFeatures.phrase(List.of(), List.of("sock"))).isFalse();
    }

    @Test
    void html_is_stripped_and_terms_are_english_stems() {
        assertThat(TextAnalysis.stripHtml("<p>Red &amp; <b>blue</b></p>\n\n<br/>socks")).isEqualTo("Red & blue socks");
        assertThat(TextAnalysis.terms(new EnglishAnalyzer(), "all", "The Running Shoes")).containsExactly("run", "shoe");
    }

    @Test
    void product_text_is_the_title_then_leading_description_sentences() {
        assertThat(PoolFeatures.productText(ROWS.get(0), "Merino wool. Made in Peru."))
                .isEqualTo("Warm Wool Socks for Hiking. Merino wool. Made in Peru.");
    }
}
