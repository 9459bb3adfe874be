package io.aisle.core.experiment;

import io.aisle.core.validation.FieldError;
import io.aisle.core.validation.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every experiment is valid or refused with each bad field named as the API spells it. */
class ExperimentTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final List<Variant> TWO = List.of(Variant.control("control", 1), Variant.treatment("new", 1));

    @Example void a_good_definition_is_kept_with_defaults_filled_in() {
        Experiment e = Experiment.start("home-feed", null, null, 0.5, TWO, T0);
        assertThat(e.description()).isEmpty();
        assertThat(e.surface()).isEqualTo(Experiment.RECOMMENDATIONS);
        assertThat(e.control().name()).isEqualTo("control");
        assertThat(e.covers(T0)).isTrue();
        assertThat(e.covers(T0.minusMillis(1))).isFalse();
        Experiment stopped = e.stop(T0.plusSeconds(60));
        assertThat(stopped.covers(T0.plusSeconds(59))).isTrue();
        assertThat(stopped.covers(T0.plusSeconds(60))).isFalse();
        assertThat(stopped.stop(T0.plusSeconds(120))).isSameAs(stopped);
    }

    @Example void every_bad_field_is_named() {
        List<Variant> bad = List.of(new Variant("Control", 0, true, Map.of()), new Variant("b", Double.NaN, true, Map.of("Bad Key", "x")),
                new Variant("b", 1, false, Map.of()));
        List<FieldError> errors = errors(() -> Experiment.start("x/y", "d".repeat(1001), "Home", 1.5, bad, T0));
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("id", "description", "surface", "traffic",
                "variants[0].name", "variants[0].weight", "variants[1].weight", "variants[1].config.Bad Key",
                "variants[2].name", "variants");
        assertThat(errors).filteredOn(f -> f.field().equals("variants[2].name")).first()
                .extracting(FieldError::reason).asString().contains("variants[1]");
        assertThat(errors).filteredOn(f -> f.field().equals("variants")).first()
                .extracting(FieldError::reason).asString().contains("exactly one variant as control, found 2");
    }

    @Example void an_experiment_needs_two_variants_and_one_control() {
        assertThat(errors(() -> Experiment.start("e", "", null, 1, List.of(Variant.control("a", 1)), T0)))
                .extracting(FieldError::reason).containsExactly("must list 2 to 10 variants, got 1");
        assertThat(errors(() -> Experiment.start("e", "", null, 1, List.of(Variant.treatment("a", 1), Variant.treatment("b", 1)), T0)))
                .extracting(FieldError::reason).containsExactly("must mark exactly one variant as control, found 0");
    }

    @Example void a_status_needs_a_matching_stop_time() {
        assertThat(errors(() -> new Experiment("e", "", null, 1, TWO, ExperimentStatus.STOPPED, T0, null)))
                .extracting(FieldError::field).containsExactly("stopped_at");
        assertThat(errors(() -> new Experiment("e", "", null, 1, TWO, ExperimentStatus.STOPPED, T0, T0.minusSeconds(1))))
                .extracting(FieldError::field).containsExactly("stopped_at");
        assertThatThrownBy(() -> new Experiment("e", "", null, 1, TWO, ExperimentStatus.RUNNING, T0, T0))
                .isInstanceOf(ValidationException.class);
    }

    @Property(tries = 300) void ids_of_lower_case_letters_digits_dashes_and_underscores_are_accepted(@ForAll("goodIds") String id) {
        assertThat(Experiment.start(id, "", null, 1, TWO, T0).id()).isEqualTo(id);
    }

    @Property(tries = 300) void any_other_id_is_refused_by_name(@ForAll("badIds") String id) {
        assertThat(errors(() -> Experiment.start(id, "", null, 1, TWO, T0))).extracting(FieldError::field).containsExactly("id");
    }

    @Provide Arbitrary<String> goodIds() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('-', '_').ofMinLength(1).ofMaxLength(64)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0)));
    }

    @Provide Arbitrary<String> badIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(80).filter(s -> !s.matches("[a-z0-9][a-z0-9_-]{0,63}")),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(65),
                Arbitraries.just(""), Arbitraries.just("-leading"), Arbitraries.just("Upper"));
    }

    private static List<FieldError> errors(Runnable r) {
        ValidationException e = catchThrowableOfType(ValidationException.class, r::run);
        assertThat(e).as("expected a validation failure").isNotNull();
        return e.errors();
    }
}
