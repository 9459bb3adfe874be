package io.aisle.core.port;

import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationRequestTest {
    @Test void refuses_every_bad_field_at_once_naming_each() {
        assertThatThrownBy(() -> new GenerationRequest("Product Description", "", List.of(), List.of(), Locale.ENGLISH, 0, 3, 1))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("task", "max_chars", "temperature", "facts"));
    }

    @Test void reads_fact_values_by_name_and_refines_instructions_and_seed() {
        GenerationRequest r = GenerationRequest.of("answer", "Be brief.", List.of(GroundingFact.of("colour", "Black"),
                GroundingFact.of("colour", "Gray"), new GroundingFact("P2", "name", "Other")), null, 200, 7);
        assertThat(r.values("colour")).containsExactly("Black", "Gray");
        assertThat(r.value("name")).isEqualTo("Other");
        assertThat(r.locale()).isEqualTo(Locale.ENGLISH);
        GenerationRequest next = r.refined("Fix: remove leather.", 8);
        assertThat(next.instructions()).isEqualTo("Fix: remove leather.");
        assertThat(next.seed()).isEqualTo(8);
        assertThat(next.facts()).isEqualTo(r.facts());
    }

    @Test void a_conversation_alone_is_enough_to_write_from() {
        GenerationRequest r = new GenerationRequest("answer", "", List.of(ChatTurn.user("Which tent is lightest?")), List.of(),
                Locale.GERMAN, 500, 0.2, 1);
        assertThat(r.messages()).hasSize(1);
    }
}
