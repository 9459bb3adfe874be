package io.aisle.content.gate;

import io.aisle.content.ContentKind;
import io.aisle.content.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class GatesTest {
    private final Support support = Support.of(Fixtures.facts("MH01").grounding());

    private Draft draft(ContentKind kind, String text) { return new Draft(kind, "MH01", text, Locale.ENGLISH, support, "hoodie"); }

    @Test void voice_refuses_banned_phrases_hype_and_exclamations() {
        GateResult r = new VoiceGate(BrandVoice.plainSpoken()).check(draft(ContentKind.DESCRIPTION,
                "The most amazing, incredible, world-class hoodie ever made! Buy it now!"));
        assertThat(r.findings()).extracting(Finding::code).contains("banned_phrase", "hype", "exclamations");
    }

    @Test void voice_refuses_text_that_is_hard_to_read() {
        String hard = "Notwithstanding considerable environmental variability, this extraordinarily multifunctional "
                + "thermoregulatory outerwear garment incorporates sophisticated, comprehensively engineered insulation technologies.";
        assertThat(new VoiceGate(BrandVoice.plainSpoken()).check(draft(ContentKind.DESCRIPTION, hard)).findings())
                .extracting(Finding::code).contains("hard_to_read");
    }

    @Test void structure_enforces_length_and_lines_per_kind() {
        assertThat(new StructureGate().check(draft(ContentKind.SEO_TITLE, "x".repeat(61))).findings())
                .extracting(Finding::code).contains("too_long");
        assertThat(new StructureGate().check(draft(ContentKind.BULLETS, "Wool\nBlack")).findings())
                .extracting(Finding::code).contains("lines");
        assertThat(new StructureGate().check(draft(ContentKind.DESCRIPTION, "A hoodie.\nIn wool.")).findings())
                .extracting(Finding::code).contains("lines", "too_short");
    }

    @Test void seo_wants_the_keyword_in_the_title_and_no_stuffing() {
        assertThat(new SeoGate().check(draft(ContentKind.SEO_TITLE, "Chaz Kangeroo Sweatshirt")).findings())
                .extracting(Finding::code).containsExactly("keyword_missing");
        String stuffed = "Hoodie hoodie hoodie. " + "A hoodie for the hoodie lover, hoodie in wool. ".repeat(4);
        assertThat(new SeoGate().check(draft(ContentKind.DESCRIPTION, stuffed)).findings())
                .extracting(Finding::code).contains("keyword_stuffing");
    }

    @Test void uniqueness_flags_a_near_copy_of_another_products_text() {
        UniquenessGate gate = new UniquenessGate();
        String text = "The Teton Pullover Hoodie is a solid hoodie in fleece. It suits cool and windy days at the gym. Choose red or purple.";
        gate.register(ContentKind.DESCRIPTION, "MH02", text);
        GateResult copy = gate.check(new Draft(ContentKind.DESCRIPTION, "MH01", text.replace("Teton Pullover", "Chaz Kangeroo"), Locale.ENGLISH, support, ""));
        assertThat(copy.findings()).extracting(Finding::code).containsExactly("near_duplicate");
        assertThat(copy.findings().get(0).message()).contains("MH02");
        GateResult own = gate.check(new Draft(ContentKind.DESCRIPTION, "MH02", text, Locale.ENGLISH, support, ""));
        assertThat(own.passed()).as("a product is not a duplicate of its own earlier text").isTrue();
    }

    @Test void near_duplicate_index_finds_similar_texts_and_not_different_ones() {
        NearDuplicates index = new NearDuplicates();
        index.put("a", "one two three four five six seven eight nine ten eleven twelve");
        index.put("b", "completely different words about bags and bottles and balls and straps");
        assertThat(index.nearest("x", "one two three four five six seven eight nine ten eleven thirteen")).get()
                .extracting(NearDuplicates.Match::key).isEqualTo("a");
        assertThat(index.nearest("x", "a wholly unrelated sentence about yoga mats")).isEmpty();
    }

    @Test void reading_ease_is_higher_for_plain_text() {
        double plain = Readability.fleschReadingEase("The cat sat on the mat. It was warm.", Locale.ENGLISH);
        double hard = Readability.fleschReadingEase("Thermoregulatory considerations necessitate comprehensive evaluation.", Locale.ENGLISH);
        assertThat(plain).isGreaterThan(80).isGreaterThan(hard);
    }
}
