package io.aisle.vision;

import io.aisle.core.port.ImageGenerator;
import io.aisle.core.vision.ImageGenerationException;
import io.aisle.core.vision.Picture;
import io.aisle.core.vision.SceneRequest;
import io.aisle.vision.qc.QcCheck;
import io.aisle.vision.qc.QcInput;
import io.aisle.vision.qc.QcReport;
import io.aisle.vision.qc.QualityControl;
import io.aisle.vision.qc.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * The image pipeline: cut the product out, place it on each output canvas by whole-pixel translation, ask the
 * generator for a scene, lay the original product back over whatever came back, and run quality control. Main
 * images on pure white never go to the generator.
 */
public final class VisualStudio {
    private final MatteExtractor matting;
    private final ImageGenerator generator;
    private final QualityControl qc;

    public VisualStudio(MatteExtractor matting, ImageGenerator generator, QualityControl qc) {
        this.matting = matting;
        this.generator = generator;
        this.qc = qc;
    }

    /** The built-in offline pipeline. */
    public static VisualStudio offline() { return new VisualStudio(new MatteExtractor(), new StudioCompositor(), new QualityControl()); }

    public String generatorName() { return generator.name(); }

    public StudioResult run(Picture source, ProductFacts facts, List<OutputSpec> specs, List<Integer> palette, long seed) {
        ProductMatte matte = matting.extract(source);
        List<StudioOutput> outputs = new ArrayList<>();
        for (OutputSpec spec : specs) outputs.add(render(source, matte, facts, spec, palette, seed));
        return new StudioResult(source, matte, outputs);
    }

    private StudioOutput render(Picture source, ProductMatte matte, ProductFacts facts, OutputSpec spec, List<Integer> palette, long seed) {
        String alt = AltText.compose(facts, spec.preset());
        if (matte.bounds().isEmpty()) {
            Picture blank = Picture.filled(source.width(), source.height(), 0xFFFFFF);
            QcReport none = new QcReport(Verdict.REJECT, List.of(new QcCheck("product_preserved", Verdict.REJECT, 0, "no product found in the photo")));
            return new StudioOutput(spec, blank, new Placement(source.width(), source.height(), 0, 0), none, alt, "none");
        }
        Placement placement = Placement.of(matte.bounds(), spec);
        Picture layer = ProductLayer.place(source, matte, placement);
        Picture scene;
        String by;
        if (spec.preset() == ScenePreset.MAIN_WHITE) {
            scene = Picture.filled(layer.width(), layer.height(), 0xFFFFFF);
            by = "white";
        } else {
            boolean fromLeft = (seed & 1) == 0;
            String prompt = prompt(facts, spec.preset());
            try {
                scene = generator.generate(new SceneRequest(layer, spec.preset().label(), prompt, palette, fromLeft, seed));
            } catch (ImageGenerationException e) {
                QcReport failed = new QcReport(Verdict.REJECT, List.of(new QcCheck("generation", Verdict.REJECT, 0, e.getMessage())));
                return new StudioOutput(spec, layer, placement, failed, alt, generator.name());
            }
            // A service may answer at its own resolution; the scene is stretched to the canvas, the product is not.
            scene = ImageFiles.resize(opaque(scene), layer.width(), layer.height());
            by = generator.name();
        }
        Picture output = ProductLayer.over(layer, scene);
        QcReport report = qc.check(new QcInput(source, matte, placement, layer, scene, output, spec, facts, palette));
        return new StudioOutput(spec, output, placement, report, alt, by);
    }

    /** The text prompt handed to generators that take one, built from the product's own facts. */
    static String prompt(ProductFacts facts, ScenePreset preset) {
        String what = (facts.colour().isBlank() ? "" : facts.colour().toLowerCase(java.util.Locale.ROOT) + " ") + facts.kind().noun();
        return switch (preset) {
            case MAIN_WHITE -> "product photo of a " + what + " on a pure white background";
            case STUDIO -> "professional studio product photo of a " + what + ", seamless backdrop, soft key light, contact shadow, subtle floor reflection";
            case ROOM -> "lifestyle photo of a " + what + " standing on a wooden floor in a bright room with window light, photorealistic";
        };
    }

    private static Picture opaque(Picture p) {
        boolean opaque = true;
        for (int v : p.argb()) {
            if ((v >>> 24) != 255) {
                opaque = false;
                break;
            }
        }
        if (opaque) return p;
        int[] px = p.argb().clone();
        for (int i = 0; i < px.length; i++) px[i] |= 0xFF000000;
        return new Picture(p.width(), p.height(), px);
    }
}
