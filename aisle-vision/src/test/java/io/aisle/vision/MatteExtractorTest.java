package io.aisle.vision;

import io.aisle.core.vision.Picture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MatteExtractorTest {
    private final MatteExtractor extractor = new MatteExtractor();

    @Test
    void cuts_a_dark_product_from_white_with_a_feathered_edge() {
        Picture photo = new Synthetic(300, 300, 0xFFFFFF).disc(150, 150, 80, 0x203060).noise(1, 1).picture();
        ProductMatte m = extractor.extract(photo);
        assertThat(m.alphaAt(150 * 300 + 150)).isEqualTo(255);
        assertThat(m.alphaAt(5 * 300 + 5)).isZero();
        assertThat(m.coverage()).isCloseTo(Math.PI * 80 * 80 / 90000, within(0.01));
        int soft = 0;
        for (int i = 0; i < m.alpha().length; i++) if (m.alphaAt(i) > 0 && m.alphaAt(i) < 255) soft++;
        assertThat(soft).as("edge pixels with partial alpha").isGreaterThan(100);
        assertThat(m.confidence()).isGreaterThan(0.7);
        assertThat(m.bounds()).isEqualTo(new Box(69, 69, 231, 231));
    }

    @Test
    void keeps_a_white_product_whole_when_a_faint_edge_outlines_it() {
        // Interior 250 on a 255 backdrop: closer to the backdrop than the colour threshold; only the faint
        // outline (235) separates them, and the fill must stop at it.
        Picture photo = new Synthetic(300, 300, 0xFFFFFF)
                .rect(80, 80, 220, 220, 0xEBEBEB)
                .rect(82, 82, 218, 218, 0xFAFAFA)
                .picture();
        ProductMatte m = extractor.extract(photo);
        assertThat(m.alphaAt(150 * 300 + 150)).isEqualTo(255);
        assertThat(m.alphaAt(100 * 300 + 100)).isEqualTo(255);
        assertThat(m.coverage()).isCloseTo(140.0 * 140 / 90000, within(0.01));
    }

    @Test
    void an_enclosed_patch_of_backdrop_is_background_not_product() {
        Picture photo = new Synthetic(300, 300, 0xFFFFFF).disc(150, 150, 100, 0x303030).disc(150, 150, 50, 0xFFFFFF).picture();
        ProductMatte m = extractor.extract(photo);
        assertThat(m.alphaAt(150 * 300 + 150)).as("centre of the handle's gap").isZero();
        assertThat(m.alphaAt(150 * 300 + 75)).as("on the ring").isEqualTo(255);
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("enclosed background hole"));
    }

    @Test
    void finds_the_cast_shadow_and_leaves_it_out_of_the_product() {
        Picture photo = Synthetic.product();
        ProductMatte m = extractor.extract(photo);
        int underProduct = 330 * 320 + 160;
        assertThat(m.alphaAt(underProduct)).isZero();
        assertThat(m.shadow()[underProduct] & 0xFF).isGreaterThan(0);
        assertThat(m.shadowCoverage()).isGreaterThan(0.005);
        // The product ends at y = 320; only its feathered rim (a few px) may reach into the shadow.
        assertThat(m.bounds().y1()).as("the shadow does not extend the product's bounds").isLessThanOrEqualTo(324);
    }

    @Test
    void a_busy_backdrop_lowers_the_confidence() {
        Picture clean = new Synthetic(300, 300, 0xFFFFFF).disc(150, 150, 80, 0x203060).noise(1, 1).picture();
        Picture busy = new Synthetic(300, 300, 0xE0E0E0).disc(150, 150, 80, 0x203060).noise(25, 1).picture();
        double c1 = extractor.extract(clean).confidence();
        double c2 = extractor.extract(busy).confidence();
        assertThat(c2).isLessThan(0.55).isLessThan(c1);
    }

    @Test
    void a_blank_photo_has_no_product() {
        ProductMatte m = extractor.extract(Picture.filled(100, 80, 0xFFFFFF));
        assertThat(m.coverage()).isZero();
        assertThat(m.bounds().isEmpty()).isTrue();
        assertThat(m.corePixels()).isZero();
    }
}
