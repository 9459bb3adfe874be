package io.aisle.search.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitsTest {
    @Test void spellingsMapToOneCanonicalUnit() {
        for (String s : new String[] {"gb", "GB", "gig", "gigs", "gigabyte", "Gigabytes"}) {
            assertThat(Units.normalise(s)).as(s).isEqualTo("GB");
        }
        assertThat(Units.normalise("inches")).isEqualTo("in");
        assertThat(Units.normalise("\"")).isEqualTo("in");
        assertThat(Units.normalise("Watts")).isEqualTo("W");
        assertThat(Units.normalise("mAh")).isEqualTo("mAh");
        assertThat(Units.normalise("megapixels")).isEqualTo("MP");
        assertThat(Units.normalise("lbs")).isEqualTo("lb");
        assertThat(Units.normalise("GHz")).isEqualTo("GHz");
        assertThat(Units.normalise("furlongs")).isEqualTo("furlongs");
        assertThat(Units.of(null)).isEmpty();
    }

    @Test void dataSizesConvertToTheDecimalAndBinaryReadings() {
        Units.Unit tb = Units.of("tb").orElseThrow();
        Units.Unit gb = Units.of("gb").orElseThrow();
        assertThat(Units.convert(1, tb, gb)).contains(new Units.Interval(1000, 1024));
        assertThat(Units.convert(512, gb, tb).orElseThrow().high()).isEqualTo(0.512);
        assertThat(Units.convert(16, gb, gb)).contains(new Units.Interval(16, 16));
    }

    @Test void otherUnitsConvertExactlyWithinTheirDimensionOnly() {
        Units.Unit in = Units.of("inch").orElseThrow();
        Units.Unit cm = Units.of("cm").orElseThrow();
        assertThat(Units.convert(10, in, cm).orElseThrow().low()).isCloseTo(25.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Units.convert(1, Units.of("kg").orElseThrow(), Units.of("lb").orElseThrow()).orElseThrow().low())
                .isCloseTo(2.2046, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Units.convert(1, in, Units.of("kg").orElseThrow())).isEmpty();
    }

    @Test void theIndexAndQueriesCompareSizesOfOneKindAsOneNumber() {
        assertThat(Units.toBase(1, "TB")).isEqualTo(Units.toBase(1024, "GB"));
        assertThat(Units.toBase(2, "kg")).isCloseTo(Units.toBase(2000, "g"), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Units.toBase(15, "cm")).isEqualTo(Units.toBase(150, "mm"));
        assertThat(Units.toBase(3, null)).isEqualTo(3);
        assertThat(Units.toBase(50, "furlongs")).isEqualTo(50);
    }
}
