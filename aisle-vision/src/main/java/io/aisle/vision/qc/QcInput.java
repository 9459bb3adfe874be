package io.aisle.vision.qc;

import io.aisle.core.vision.Picture;
import io.aisle.vision.OutputSpec;
import io.aisle.vision.Placement;
import io.aisle.vision.ProductFacts;
import io.aisle.vision.ProductMatte;

import java.util.List;

/**
 * Everything quality control looks at for one output.
 *
 * @param layer  the placed product with its matte as alpha, the same canvas as {@code output}
 * @param scene  what the generator painted, before the product was laid back over it
 */
public record QcInput(Picture source, ProductMatte matte, Placement placement, Picture layer, Picture scene,
                      Picture output, OutputSpec spec, ProductFacts facts, List<Integer> palette) {
    public QcInput {
        palette = List.copyOf(palette);
    }
}
