package io.aisle.recommend.neural.sasrec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SasRecConfigTest {

    @Test
    void defaults_are_valid_and_withers_change_one_field() {
        SasRecConfig d = SasRecConfig.defaults();
        assertThat(d.dim() % d.heads()).isZero();
        assertThat(d.negatives()).isGreaterThanOrEqualTo(0);
        assertThat(d.withEpochs(3).epochs()).isEqualTo(3);
        assertThat(d.withSeed(7).seed()).isEqualTo(7);
        assertThat(d.withNegatives(100).negatives()).isEqualTo(100);
        assertThat(d.withThreads(1).threads()).isEqualTo(1);
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                bad("maxLength", () -> new SasRecConfig(0, 64, 2, 1, 0.2, 10, 128, 1e-3, 0, 1, 0)),
                bad("dim", () -> new SasRecConfig(50, 1, 2, 1, 0.2, 10, 128, 1e-3, 0, 1, 0)),
                bad("blocks", () -> new SasRecConfig(50, 64, 0, 1, 0.2, 10, 128, 1e-3, 0, 1, 0)),
                bad("heads", () -> new SasRecConfig(50, 64, 2, 0, 0.2, 10, 128, 1e-3, 0, 1, 0)),
                bad("heads must divide dim", () -> new SasRecConfig(50, 64, 2, 3, 0.2, 10, 128, 1e-3, 0, 1, 0)),
                bad("dropout", () -> new SasRecConfig(50, 64, 2, 1, 1.0, 10, 128, 1e-3, 0, 1, 0)),
                bad("dropout", () -> new SasRecConfig(50, 64, 2, 1, Double.NaN, 10, 128, 1e-3, 0, 1, 0)),
                bad("epochs", () -> new SasRecConfig(50, 64, 2, 1, 0.2, 0, 128, 1e-3, 0, 1, 0)),
                bad("batchSize", () -> new SasRecConfig(50, 64, 2, 1, 0.2, 10, 0, 1e-3, 0, 1, 0)),
                bad("learningRate", () -> new SasRecConfig(50, 64, 2, 1, 0.2, 10, 128, 0, 0, 1, 0)),
                bad("learningRate", () -> new SasRecConfig(50, 64, 2, 1, 0.2, 10, 128, Double.POSITIVE_INFINITY, 0, 1, 0)),
                bad("negatives", () -> new SasRecConfig(50, 64, 2, 1, 0.2, 10, 128, 1e-3, -1, 1, 0)),
                bad("threads", () -> new SasRecConfig(50, 64, 2, 1, 0.2, 10, 128, 1e-3, 0, 1, -2)));
    }

    private static Arguments bad(String field, Supplier<SasRecConfig> config) {
        return Arguments.of(field, config);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void refuses_a_bad_value_naming_the_field(String field, Supplier<SasRecConfig> config) {
        assertThatIllegalArgumentException().isThrownBy(config::get).withMessageStartingWith(field);
    }
}
