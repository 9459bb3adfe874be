package io.aisle.content.pipeline;

import io.aisle.content.ContentKind;
import io.aisle.content.ContentStudio;
import io.aisle.content.Fixtures;
import io.aisle.content.facts.ProductFacts;
import io.aisle.content.gate.BrandVoice;
import io.aisle.content.gate.GroundingGate;
import io.aisle.content.rank.Discriminator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ContentPipelineTest {
    static final String GOOD = "The Chaz Kangeroo Hoodie is a solid hoodie made from Wool. It suits cool and windy days at "
            + "the gym or on a run. Choose from Black and Gray, in sizes S, M and L. A hoodie that keeps things simple.";
    static final String LEATHER = GOOD.replace("made from Wool", "made from soft Leather");
    static final String WRONG_PRICE = GOOD + " Yours for $45.00.";
    static final String WRONG_SIZE = GOOD.replace("S, M and L", "S, M, L and XXL");

    private final ProductFacts facts = Fixtures.facts("MH01");

    private static ContentStudio studio(ScriptedGenerator g, int candidates, int rounds) {
        return ContentStudio.of(g, BrandVoice.plainSpoken(), new PipelineSettings(candidates, rounds, 0), Discriminator.withPrior());
    }

    @Test void a_candidate_with_an_unsupported_claim_is_never_published_even_when_it_scores_best() {
        // Round 0: the invented claims come with more attribute mentions (a higher score) than the clean text.
        ScriptedGenerator g = new ScriptedGenerator(i -> switch (i) {
            case 0 -> LEATHER + " Cool, windy, gym, running, Black, Gray.";
            case 1 -> WRONG_PRICE;
            default -> GOOD;
        });
        ContentOutcome o = studio(g, 3, 1).pipeline().product(facts, ContentKind.DESCRIPTION, Locale.ENGLISH, "");
        assertThat(o).isInstanceOf(ContentOutcome.Published.class);
        assertThat(((ContentOutcome.Published) o).chosen().text()).isEqualTo(GOOD);
        assertThat(o.candidates().get(0).gates()).filteredOn(r -> r.gate().equals(GroundingGate.NAME))
                .singleElement().satisfies(r -> assertThat(r.passed()).isFalse());
    }

    @Test void the_refine_loop_sends_the_findings_back_and_publishes_the_fixed_text() {
        ScriptedGenerator g = new ScriptedGenerator(i -> i < 2 ? (i == 0 ? LEATHER : WRONG_SIZE) : GOOD);
        ContentOutcome o = studio(g, 2, 3).pipeline().product(facts, ContentKind.DESCRIPTION, Locale.ENGLISH, "");
        assertThat(o).isInstanceOf(ContentOutcome.Published.class);
        assertThat(((ContentOutcome.Published) o).chosen().round()).isEqualTo(1);
        String secondRound = g.requests.get(2).instructions();
        assertThat(secondRound).contains("previous attempt was rejected").contains("Leather").contains("XXL");
    }

    @Test void a_text_that_stays_unsupported_escalates_to_review_and_is_not_published() {
        ScriptedGenerator g = new ScriptedGenerator(i -> i % 2 == 0 ? LEATHER : WRONG_PRICE);
        ContentOutcome o = studio(g, 2, 3).pipeline().product(facts, ContentKind.DESCRIPTION, Locale.ENGLISH, "");
        assertThat(o).isInstanceOf(ContentOutcome.Escalated.class);
        assertThat(o.candidates()).hasSize(6).noneMatch(Candidate::passed);
        assertThat(((ContentOutcome.Escalated) o).reason()).contains("no candidate passed");

        PublishedContent published = new PublishedContent();
        ReviewQueue queue = new ReviewQueue(published, java.time.Clock.systemUTC());
        ReviewQueue.Item item = queue.add(o);
        assertThat(published.get("MH01", ContentKind.DESCRIPTION, Locale.ENGLISH)).isEmpty();
        queue.reject(item.id(), "invented leather");
        assertThat(queue.list(ReviewQueue.Status.REJECTED)).hasSize(1);
        assertThat(published.size()).isZero();
    }

    @Test void the_built_in_composer_publishes_every_kind_for_every_fixture_product() {
        ContentStudio studio = ContentStudio.builtIn();
        for (String id : List.of("MH01", "MH02", "MH03", "MT01")) {
            for (ContentKind kind : ContentKind.values()) {
                if (!kind.perProduct()) continue;
                ContentOutcome o = studio.pipeline().product(Fixtures.facts(id), kind, Locale.ENGLISH, "returning");
                assertThat(o).as(id + " " + kind + ": " + o.candidates().get(0).findings()).isInstanceOf(ContentOutcome.Published.class);
            }
        }
    }

    @Test void the_composer_writes_gated_copy_in_german_french_and_spanish() {
        for (String lang : List.of("de", "fr", "es")) {
            ContentStudio studio = ContentStudio.builtIn();
            ContentOutcome o = studio.pipeline().product(Fixtures.facts("MH02"), ContentKind.DESCRIPTION, Locale.of(lang), "");
            assertThat(o).as(lang + ": " + o.candidates().get(0).findings()).isInstanceOf(ContentOutcome.Published.class);
            String text = ((ContentOutcome.Published) o).chosen().text();
            assertThat(text).contains("Teton Pullover Hoodie", "Fleece");
        }
        String german = ((ContentOutcome.Published) ContentStudio.builtIn().pipeline()
                .product(Fixtures.facts("MH02"), ContentKind.META_DESCRIPTION, Locale.GERMAN, "")).chosen().text();
        assertThat(german).contains("70,00");
    }

    @Test void category_intros_and_comparisons_are_grounded_in_their_products() {
        ContentStudio studio = ContentStudio.builtIn();
        List<ProductFacts> hoodies = List.of(Fixtures.facts("MH01"), Fixtures.facts("MH02"), Fixtures.facts("MH03"));
        ContentOutcome intro = studio.pipeline().categoryIntro("Hoodies", hoodies, Locale.ENGLISH);
        assertThat(intro).as(intro.candidates().get(0).findings().toString()).isInstanceOf(ContentOutcome.Published.class);
        assertThat(((ContentOutcome.Published) intro).chosen().text()).contains("3", "$52.00", "$70.00");
        ContentOutcome cmp = studio.pipeline().comparison(hoodies, Locale.ENGLISH);
        assertThat(cmp).as(cmp.candidates().get(0).findings().toString()).isInstanceOf(ContentOutcome.Published.class);
        assertThat(((ContentOutcome.Published) cmp).chosen().text()).contains("Chaz Kangeroo Hoodie", "Bruno Compete Hoodie", "Lowest price");
    }
}
