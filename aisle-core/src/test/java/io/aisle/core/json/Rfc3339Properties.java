package io.aisle.core.json;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Rfc3339Properties {

    @Property(tries = 3000)
    void agreesWithTheJdkParserOnWellShapedTimestamps(@ForAll("shaped") String text) {
        assertSameOutcome(text);
    }

    @Property(tries = 3000)
    void agreesWithTheJdkParserOnMutatedTimestamps(@ForAll("shaped") String text, @ForAll("positions") int at,
                                                   @ForAll("noise") char c) {
        int i = at % text.length();
        assertSameOutcome(text.substring(0, i) + c + text.substring(i + 1));
    }

    @Property(tries = 1000)
    void roundTripsEveryInstant(@ForAll("instants") Instant instant) {
        assertThat(Rfc3339.parse(instant.toString())).isEqualTo(instant);
    }

    @Property(tries = 3000)
    void formatsAsInstantToStringDoes(@ForAll("anyInstants") Instant instant) {
        assertThat(Rfc3339.format(instant)).isEqualTo(instant.toString());
    }

    private static void assertSameOutcome(String text) {
        Instant expected;
        try {
            expected = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> Rfc3339.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(Rfc3339.parse(text)).as(text).isEqualTo(expected);
    }

    @Provide Arbitrary<String> shaped() {
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 24),
                Arbitraries.integers().between(0, 60), Arbitraries.integers().between(0, 60))
                .as((h, m, s) -> String.format("%02d:%02d:%02d", h, m, s));
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10)
                .map(f -> f.isEmpty() ? "" : "." + f);
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", "+00:00", "-00:00"),
                Combinators.combine(Arbitraries.of('+', '-'), Arbitraries.integers().between(0, 19),
                        Arbitraries.integers().between(0, 60)).as((sign, h, m) -> String.format("%c%02d:%02d", sign, h, m)));
        return Combinators.combine(date, Arbitraries.of("T", "t", " "), time, fraction, offset)
                .as((d, t, tm, f, o) -> d + t + tm + f + o);
    }

    @Provide Arbitrary<Integer> positions() { return Arbitraries.integers().between(0, 40); }

    @Provide Arbitrary<Character> noise() { return Arbitraries.of('0', '9', '-', ':', '.', 'T', 'Z', '+', ' ', 'x'); }

    @Provide Arbitrary<Instant> anyInstants() {
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(n -> n * 1_000), Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(Arbitraries.longs().between(-100_000_000_000L, 400_000_000_000L), nanos).as(Instant::ofEpochSecond);
    }

    @Provide Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }
}
