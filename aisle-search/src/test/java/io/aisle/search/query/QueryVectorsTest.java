package io.aisle.search.query;

import io.aisle.core.search.ParsedQuery;
import io.aisle.core.search.ParsedQuery.AttributeConstraint;
import io.aisle.core.search.ParsedQuery.UseCase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.aisle.search.query.TestCatalog.HEADPHONES;
import static io.aisle.search.query.TestCatalog.LAPTOPS;
import static io.aisle.search.query.TestCatalog.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

/** Use cases and category intents through the real MiniLM sentence encoder. */
class QueryVectorsTest {
    private static CatalogQueryUnderstanding withVectors;
    private static CatalogQueryUnderstanding plain;

    @BeforeAll static void load() {
        withVectors = TestCatalog.loaded(SharedEmbedder.get());
        assertThat(withVectors.warmUp()).isPositive();
        assertThat(withVectors.warmUp()).isZero(); // everything is cached after the first
        plain = TestCatalog.loaded(null);
    }

    @Test void laptopForVideoEditingUnderTwoThousand() {
        ParsedQuery p = withVectors.parse("laptop for video editing under $2000");
        assertThat(p.numeric()).singleElement().satisfies(n -> {
            assertThat(n.attribute()).isEqualTo("price");
            assertThat(n.min()).isNull();
            assertThat(n.max()).isEqualTo(2000.0);
        });
        assertThat(p.categories().get(0).path()).isEqualTo(LAPTOPS);
        assertThat(p.categories().get(0).confidence()).isGreaterThan(0.8);
        UseCase u = p.useCases().get(0);
        assertThat(u.phrase()).isEqualTo("video editing");
        assertThat(u.suggests().get(0)).isEqualTo(new AttributeConstraint("good_for", List.of("video editing"), "video editing"));
        assertThat(u.suggests()).hasSizeLessThanOrEqualTo(3);
        assertThat(p.text()).isEqualTo("laptop for video editing"); // the phrase still helps retrieval
    }

    @Test void runningShoesForPlantarFasciitis() {
        ParsedQuery p = withVectors.parse("running shoes for plantar fasciitis");
        assertThat(p.categories().get(0).path()).isEqualTo(RUNNING);
        assertThat(p.useCases()).singleElement().satisfies(u -> {
            assertThat(u.phrase()).isEqualTo("plantar fasciitis");
            assertThat(u.suggests().get(0).values()).containsExactly("plantar fasciitis");
        });
    }

    @Test void phrasesMapToNearbyValuesNotOnlyToTheirSpelling() {
        assertThat(suggestion("headphones for flying")).isEqualTo("long flights");
        assertThat(suggestion("earbuds for the gym")).isEqualTo("gym workouts");
        assertThat(suggestion("laptop for school")).isEqualTo("students");
        assertThat(suggestion("sneakers for jogging")).isEqualTo("running");
        // without vectors only a value spelled like the phrase is suggested
        assertThat(plain.parse("headphones for flying").useCases()).isEmpty();
    }

    @Test void aPhraseNearNothingSuggestsNothing() {
        assertThat(withVectors.parse("phone for kids").useCases()).isEmpty();
        assertThat(withVectors.parse("laptop for xyzzy qwerty").useCases()).isEmpty();
    }

    @Test void labelsFindTheCategoryWhenNoWordIsKnown() {
        assertThat(plain.parse("notebook").categories()).isEmpty();
        assertThat(withVectors.parse("notebook").categories().get(0).path()).isEqualTo(LAPTOPS);
        assertThat(plain.parse("earphones").categories()).isEmpty();
        assertThat(withVectors.parse("earphones").categories().get(0).path()).isEqualTo(HEADPHONES);
        assertThat(withVectors.parse("sneakers").categories().get(0).path()).isEqualTo(RUNNING);
    }

    @Test void noiseGivesNoIntent() {
        for (String q : List.of("xyzzy qwerty", "1e309", "😀😀😀", "asdf", "$-5")) {
            assertThat(withVectors.parse(q).categories()).as(q).isEmpty();
            assertThat(withVectors.parse(q).useCases()).as(q).isEmpty();
        }
    }

    @Test void vectorParsesAreDeterministic() {
        for (String q : List.of("laptop for video editing under $2000", "sneakers for jogging", "kitchen")) {
            assertThat(withVectors.parse(q)).isEqualTo(withVectors.parse(q));
        }
    }

    private static String suggestion(String query) {
        List<UseCase> uses = withVectors.parse(query).useCases();
        assertThat(uses).as(query).isNotEmpty();
        return uses.get(0).suggests().get(0).values().get(0);
    }
}
