package io.aisle.search;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.ParsedQuery;
import io.aisle.core.search.SearchHit;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.SearchSort;
import io.aisle.search.query.QueryUnderstanding;
import io.aisle.search.rank.RankFeatures;
import io.aisle.search.support.Products;
import io.aisle.search.support.SimpleUnderstanding;
import io.aisle.search.support.TestEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.aisle.search.support.Requests.ids;
import static io.aisle.search.support.Requests.lexical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RankingTest {
    private static final ItemSignals SIGNALS = new ItemSignals() {
        @Override public double popularity(ProductId id) { return id.value().equals("laptop-14") ? 4.5 : Double.NaN; }

        @Override public double conversion(ProductId id) { return id.value().equals("laptop-14") ? 0.02 : Double.NaN; }
    };

    private static SearchRequest personal(String q, boolean personalize) {
        return new SearchRequest(q, Map.of(), null, null, false, SearchSort.RELEVANCE, SearchMode.LEXICAL, 0, 10, "s:u-1", personalize);
    }

    @Test void the_scorer_reorders_the_candidates() {
        List<String> fused;
        try (TestEngine plain = TestEngine.lexical(Products.catalogue())) {
            fused = ids(plain.engine.search(lexical("laptop")));
        }
        try (TestEngine reranked = TestEngine.builder(Products.catalogue()).scorer(f -> -f.lexicalRank()).build()) {
            SearchResults r = reranked.engine.search(lexical("laptop"));
            assertThat(ids(r)).containsExactlyElementsOf(fused.reversed());
            assertThat(r.hits()).allSatisfy(h -> assertThat(h.explanation().rerankScore()).isNotNull());
        }
    }

    @Test void the_scorer_sees_the_features_of_each_candidate() {
        try (TestEngine reranked = TestEngine.builder(Products.catalogue()).signals(SIGNALS)
                .scorer(f -> f.popularity() > 0 ? 1 : 0).build()) {
            assertThat(ids(reranked.engine.search(lexical("laptop")))).startsWith("laptop-14");
        }
    }

    @Test void a_personal_affinity_lifts_a_product_only_when_asked() {
        PersonalAffinity likesGaming = shopper -> id -> shopper.equals("s:u-1") && id.value().equals("laptop-17") ? 1 : 0;
        SearchSettings strong = new SearchSettings(150, 150, 60, 0.2, 0.15, 100, 0.5, 3);
        try (TestEngine search = TestEngine.builder(Products.catalogue()).affinity(likesGaming).settings(strong).build()) {
            SearchResults neutral = search.engine.search(personal("notebook", false));
            assertThat(ids(neutral).get(0)).isNotEqualTo("laptop-17");
            assertThat(neutral.hits()).allSatisfy(h -> assertThat(h.explanation().personalBoost()).isNull());
            SearchResults personal = search.engine.search(personal("notebook", true));
            SearchHit top = personal.hits().get(0);
            assertThat(top.id().value()).isEqualTo("laptop-17");
            assertThat(top.explanation().personalBoost()).isCloseTo(0.5, within(1e-9));
            assertThat(ids(personal)).containsExactlyInAnyOrderElementsOf(ids(neutral));
        }
    }

    @Test void candidates_come_with_their_features_in_fused_order() {
        try (TestEngine search = TestEngine.builder(Products.catalogue()).signals(SIGNALS).build()) {
            List<Candidate> candidates = search.engine.candidates(lexical("norvik laptop"), 5);
            assertThat(candidates).extracting(c -> c.id().value()).containsExactlyInAnyOrder("laptop-14", "laptop-17");
            RankFeatures first = candidates.get(0).features();
            assertThat(first.lexicalRank()).isEqualTo(1.0);
            assertThat(first.vectorRank()).isZero();
            assertThat(first.vectorSimilarity()).isNaN();
            assertThat(first.bm25Title()).isPositive();
            assertThat(first.bm25Brand()).isPositive();
            assertThat(first.bm25All()).isPositive();
            assertThat(first.termCoverage()).isEqualTo(1.0);
            assertThat(first.queryTerms()).isEqualTo(2.0);
            assertThat(first.brandMatch()).isNaN();
            assertThat(first.inStock()).isIn(0.0, 1.0);
            RankFeatures aero = candidates.stream().filter(c -> c.id().value().equals("laptop-14")).findFirst().orElseThrow().features();
            assertThat(aero.popularity()).isEqualTo(4.5);
            assertThat(aero.conversion()).isEqualTo(0.02);
            // "Norvik AeroBook 14 Laptop, 16 GB RAM, 512 GB SSD": the words are not adjacent; sizes count as one term.
            assertThat(aero.titlePhrase()).isZero();
            assertThat(aero.titleTerms()).isEqualTo(8.0);
        }
    }

    @Test void features_describe_products_retrieval_did_not_return() {
        try (TestEngine search = TestEngine.builder(Products.catalogue())
                .understanding(new SimpleUnderstanding(Set.of("Norvik"), Map.of())).build()) {
            Map<ProductId, RankFeatures> f = search.engine.rankFeatures("norvik laptop under $1000",
                    List.of(ProductId.of("laptop-14"), ProductId.of("laptop-17"), ProductId.of("laptop-15"), ProductId.of("sofa"),
                            ProductId.of("no-such-product")));
            assertThat(f).containsOnlyKeys(ProductId.of("laptop-14"), ProductId.of("laptop-17"), ProductId.of("laptop-15"), ProductId.of("sofa"));
            RankFeatures aero = f.get(ProductId.of("laptop-14"));
            assertThat(aero.lexicalRank()).isEqualTo(1.0);
            assertThat(aero.brandMatch()).isEqualTo(1.0);
            assertThat(aero.priceFit()).isEqualTo(1.0);
            assertThat(aero.numericMatch()).isEqualTo(1.0);
            RankFeatures forge = f.get(ProductId.of("laptop-17"));
            assertThat(forge.lexicalRank()).isZero();
            assertThat(forge.brandMatch()).isEqualTo(1.0);
            assertThat(forge.priceFit()).isBetween(0.0, 0.5);
            assertThat(forge.numericMatch()).isZero();
            RankFeatures slate = f.get(ProductId.of("laptop-15"));
            assertThat(slate.brandMatch()).isZero();
            assertThat(slate.bm25Title()).isPositive();
            RankFeatures sofa = f.get(ProductId.of("sofa"));
            assertThat(sofa.bm25All()).isZero();
            assertThat(sofa.termCoverage()).isZero();
            assertThat(sofa.fused()).isZero();
        }
    }

    @Test void the_title_phrase_feature_needs_the_words_in_order() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            ProductId phone = ProductId.of("phone");
            assertThat(search.engine.rankFeatures("zentri volt", List.of(phone)).get(phone).titlePhrase()).isEqualTo(1.0);
            assertThat(search.engine.rankFeatures("volt zentri", List.of(phone)).get(phone).titlePhrase()).isZero();
        }
    }

    @Test void category_intents_raise_products_of_that_category() {
        QueryUnderstanding bags = new QueryUnderstanding() {
            @Override public ParsedQuery parse(String text) {
                ParsedQuery p = SimpleUnderstanding.plain().parse(text);
                return new ParsedQuery(p.original(), p.text(), null, p.terms(), List.of(), List.of(), List.of(), List.of(),
                        List.of(new ParsedQuery.CategoryIntent(List.of("Fashion", "Bags"), 0.9)), List.of());
            }

            @Override public void accept(Product product) {}

            @Override public void remove(ProductId id) {}

            @Override public void learnSearch(String query, List<String> categoryPath) {}
        };
        try (TestEngine search = TestEngine.builder(Products.catalogue()).understanding(bags).build()) {
            Map<ProductId, RankFeatures> f = search.engine.rankFeatures("sleeve", List.of(ProductId.of("backpack"), ProductId.of("tote")));
            assertThat(f.get(ProductId.of("backpack")).categoryMatch()).isEqualTo(0.9);
            assertThat(search.engine.candidates(lexical("sleeve"), 3)).extracting(c -> c.id().value()).containsExactly("backpack");
        }
    }
}
