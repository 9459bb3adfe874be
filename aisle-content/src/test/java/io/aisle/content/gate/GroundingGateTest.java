package io.aisle.content.gate;

import io.aisle.content.ContentKind;
import io.aisle.content.Fixtures;
import io.aisle.content.facts.ProductFacts;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class GroundingGateTest {
    private final ProductFacts facts = Fixtures.facts("MH01");
    private final GroundingGate gate = new GroundingGate();

    private GateResult check(String text, Locale locale) {
        return gate.check(new Draft(ContentKind.DESCRIPTION, "MH01", text, locale, Support.of(facts.grounding()), "hoodie"));
    }

    @Test void passes_text_that_states_only_catalogue_facts() {
        assertThat(check("The Chaz Kangeroo Hoodie is a solid hoodie made from Wool, in Black and Gray, sizes S, M and L. Only $52.00.",
                Locale.ENGLISH).passed()).isTrue();
    }

    @Test void fails_a_material_the_record_does_not_have() {
        GateResult r = check("The Chaz Kangeroo Hoodie is made from soft leather.", Locale.ENGLISH);
        assertThat(r.passed()).isFalse();
        assertThat(r.findings()).extracting(Finding::code).containsExactly("unsupported_material");
        assertThat(r.findings().get(0).message()).contains("leather");
    }

    @Test void fails_a_price_a_size_and_a_colour_not_in_the_record() {
        GateResult r = check("Now only $49.99 in XXL, in Navy and Black.", Locale.ENGLISH);
        assertThat(r.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder("unsupported_number", "unsupported_size", "unsupported_colour");
    }

    @Test void fails_a_percentage_and_an_invented_brand_name() {
        GateResult r = check("Made from 100% Wool by Patagonia.", Locale.ENGLISH);
        assertThat(r.findings()).extracting(Finding::code).containsExactlyInAnyOrder("unsupported_number", "unsupported_name");
    }

    @Test void reads_prices_written_with_a_decimal_comma() {
        assertThat(check("Chaz Kangeroo Hoodie aus Wool, für 52,00 $.", Locale.GERMAN).passed()).isTrue();
        assertThat(check("Chaz Kangeroo Hoodie aus Wool, für 55,00 $.", Locale.GERMAN).passed()).isFalse();
    }

    @Test void catches_translated_materials_in_other_languages() {
        assertThat(check("Chaz Kangeroo Hoodie aus Baumwolle.", Locale.GERMAN).findings())
                .extracting(Finding::code).containsExactly("unsupported_material");
        assertThat(check("Chaz Kangeroo Hoodie en laine.", Locale.FRENCH).passed()).isTrue();
    }
}
