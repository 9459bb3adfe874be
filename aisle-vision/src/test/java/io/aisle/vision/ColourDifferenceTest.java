package io.aisle.vision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ColourDifferenceTest {
    @Test
    void ciede2000_matches_the_published_test_pairs() {
        // Sharma, Wu and Dalal (2005), table 1, pairs 1, 2 and 17.
        assertThat(ColourDifference.ciede2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485})).isCloseTo(2.0425, within(1e-4));
        assertThat(ColourDifference.ciede2000(new double[] {50, 3.1571, -77.2803}, new double[] {50, 0, -82.7485})).isCloseTo(2.8615, within(1e-4));
        assertThat(ColourDifference.ciede2000(new double[] {50, 2.5, 0}, new double[] {73, 25, -18})).isCloseTo(27.1492, within(1e-4));
    }

    @Test
    void identical_colours_differ_by_nothing() {
        double[] lab = Lab.of(0x336699);
        assertThat(ColourDifference.ciede2000(lab, lab)).isZero();
        assertThat(ColourDifference.cie76(lab, lab)).isZero();
    }

    @Test
    void lab_of_white_and_black() {
        assertThat(Lab.of(0xFFFFFF)[0]).isCloseTo(100, within(0.01));
        assertThat(Lab.of(0xFFFFFF)[1]).isCloseTo(0, within(0.01));
        assertThat(Lab.of(0x000000)[0]).isCloseTo(0, within(0.01));
        float[] l = new float[1];
        Lab.convert(new int[] {0xFF808080}, l, new float[1], new float[1]);
        assertThat((double) l[0]).isCloseTo(Lab.of(0x808080)[0], within(0.01));
    }
}
