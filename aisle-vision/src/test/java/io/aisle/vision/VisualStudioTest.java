package io.aisle.vision;

import io.aisle.core.port.ImageGenerator;
import io.aisle.core.vision.Picture;
import io.aisle.core.vision.SceneRequest;
import io.aisle.vision.qc.QcInput;
import io.aisle.vision.qc.QcReport;
import io.aisle.vision.qc.QualityControl;
import io.aisle.vision.qc.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VisualStudioTest {
    private static final List<Integer> PALETTE = List.of(0x2F6690, 0xB08968);
    private static final ProductFacts FACTS = new ProductFacts("Joust Duffle Bag", "Luma", "Blue", "Nylon", "Gear / Bags", null);

    @Test
    void every_output_keeps_the_product_pixels_exactly() {
        Picture source = Synthetic.product();
        StudioResult result = VisualStudio.offline().run(source, FACTS, OutputSpec.standard(), PALETTE, 42);
        assertThat(result.outputs()).hasSize(3);
        for (StudioOutput o : result.outputs()) {
            assertThat(o.qc().check("product_preserved").verdict()).as(o.spec().name()).isEqualTo(Verdict.PASS);
            assertCoreIdentical(source, result.matte(), o);
        }
    }

    @Test
    void the_main_image_is_pure_white_with_the_product_filling_at_least_85_percent() {
        StudioResult result = VisualStudio.offline().run(Synthetic.product(), FACTS,
                List.of(new OutputSpec(ScenePreset.MAIN_WHITE, AspectRatio.SQUARE)), PALETTE, 1);
        StudioOutput main = result.outputs().get(0);
        assertThat(main.qc().verdict()).isEqualTo(Verdict.PASS);
        assertThat(main.qc().check("marketplace_main").value()).isGreaterThanOrEqualTo(0.85);
        assertThat(main.image().width()).isEqualTo(main.image().height());
        assertThat(main.image().argb()[0] & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(main.altText()).isEqualTo("Luma Joust Duffle Bag in blue, nylon on a plain white background");
    }

    @Test
    void frames_have_the_standard_aspect_ratios() {
        StudioResult result = VisualStudio.offline().run(Synthetic.product(), FACTS, OutputSpec.standard(), PALETTE, 1);
        for (StudioOutput o : result.outputs()) {
            double ratio = (double) o.image().width() / o.image().height();
            assertThat(Math.abs(ratio - o.spec().aspect().ratio())).as(o.spec().name()).isLessThan(0.01);
        }
    }

    @Test
    void quality_control_rejects_an_output_whose_product_was_altered() {
        Picture source = Synthetic.product();
        StudioResult result = VisualStudio.offline().run(source, FACTS, List.of(new OutputSpec(ScenePreset.STUDIO, AspectRatio.PORTRAIT)), PALETTE, 1);
        StudioOutput o = result.outputs().get(0);
        ProductMatte m = result.matte();
        int core = (m.bounds().y0() + m.bounds().height() / 2) * source.width() + m.bounds().x0() + m.bounds().width() / 2;
        assertThat(m.isCore(core)).isTrue();
        int[] tampered = o.image().argb().clone();
        int target = (core / source.width() + o.placement().dy()) * o.image().width() + core % source.width() + o.placement().dx();
        tampered[target] ^= 0x000001;
        Picture layer = ProductLayer.place(source, m, o.placement());
        Picture bad = new Picture(o.image().width(), o.image().height(), tampered);
        QcReport report = new QualityControl().check(new QcInput(source, m, o.placement(), layer, bad, bad, o.spec(), FACTS, PALETTE));
        assertThat(report.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(report.reasons()).anySatisfy(r -> assertThat(r).startsWith("product_preserved: 1 of "));
    }

    @Test
    void a_scene_off_the_brand_palette_goes_to_review() {
        ImageGenerator magenta = new ImageGenerator() {
            @Override public String name() { return "magenta"; }

            @Override public Picture generate(SceneRequest request) { return Picture.filled(request.width(), request.height(), 0xFF00FF); }
        };
        VisualStudio studio = new VisualStudio(new MatteExtractor(), magenta, new QualityControl());
        StudioOutput o = studio.run(Synthetic.product(), FACTS, List.of(new OutputSpec(ScenePreset.ROOM, AspectRatio.WIDE)), PALETTE, 1).outputs().get(0);
        assertThat(o.qc().verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(o.qc().reasons()).anySatisfy(r -> assertThat(r).startsWith("brand_colour:"));
        assertThat(o.qc().check("product_preserved").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void a_watch_shaped_like_a_plank_goes_to_review_for_scale() {
        Picture plank = new Synthetic(600, 200, 0xFFFFFF).stripes(20, 80, 580, 120, 0x202020, 0x404040).picture();
        ProductFacts watch = new ProductFacts("Dash Digital Watch", "", "", "", "Gear / Watches", null);
        StudioOutput o = VisualStudio.offline().run(plank, watch, List.of(new OutputSpec(ScenePreset.STUDIO, AspectRatio.SQUARE)), PALETTE, 1).outputs().get(0);
        assertThat(o.qc().check("scale").verdict()).isEqualTo(Verdict.REVIEW);
        assertThat(o.qc().check("scale").detail()).contains("for a watch");
    }

    @Test
    void a_photo_without_a_product_is_rejected_with_the_reason() {
        StudioOutput o = VisualStudio.offline().run(Picture.filled(200, 200, 0xFFFFFF), FACTS, OutputSpec.standard(), PALETTE, 1).outputs().get(0);
        assertThat(o.qc().verdict()).isEqualTo(Verdict.REJECT);
        assertThat(o.qc().reasons()).containsExactly("product_preserved: no product found in the photo");
    }

    @Test
    void png_files_keep_the_pixels_exactly_and_jpeg_files_decode() {
        StudioOutput o = VisualStudio.offline().run(Synthetic.product(), FACTS, List.of(new OutputSpec(ScenePreset.STUDIO, AspectRatio.PORTRAIT)), PALETTE, 1).outputs().get(0);
        SafeImageDecoder decoder = new SafeImageDecoder(ImageLimits.standard());
        assertThat(decoder.decode(ImageFiles.encode(o.image(), ImageFiles.Format.PNG)).argb()).isEqualTo(o.image().argb());
        assertThat(decoder.decode(ImageFiles.encode(o.image(), ImageFiles.Format.JPEG)).width()).isEqualTo(o.image().width());
    }

    static void assertCoreIdentical(Picture source, ProductMatte matte, StudioOutput o) {
        int checked = 0;
        for (int y = 0; y < source.height(); y++) {
            for (int x = 0; x < source.width(); x++) {
                int i = y * source.width() + x;
                if (!matte.isCore(i)) continue;
                int out = o.image().get(x + o.placement().dx(), y + o.placement().dy());
                assertThat(out & 0xFFFFFF).as("pixel %d,%d of %s", x, y, o.spec().name()).isEqualTo(source.argb()[i] & 0xFFFFFF);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }
}
