package io.aisle.search.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UnitsTest {
    @Test void sizes_of_one_kind_share_a_unit() {
        assertThat(Units.normalise(1, "TB")).isEqualTo(new Units.Quantity(1024, "gb"));
        assertThat(Units.normalise(16, "GB")).isEqualTo(new Units.Quantity(16, "gb"));
        assertThat(Units.normalise(2, "kg").value()).isCloseTo(2000, within(1e-9));
        assertThat(Units.normalise(15, "cm")).isEqualTo(new Units.Quantity(150, "mm"));
    }

    @Test void unknown_and_missing_units_pass_through() {
        assertThat(Units.normalise(50, "MP")).isEqualTo(new Units.Quantity(50, "mp"));
        assertThat(Units.normalise(3, null)).isEqualTo(new Units.Quantity(3, null));
    }
}
