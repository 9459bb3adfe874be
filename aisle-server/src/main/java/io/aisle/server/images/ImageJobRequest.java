package io.aisle.server.images;

import io.aisle.core.catalog.ProductId;
import io.aisle.vision.ImageFiles;
import io.aisle.vision.OutputSpec;
import io.aisle.vision.ProductFacts;

import java.util.List;

/**
 * A validated request for images of one product.
 *
 * @param productId the catalogue product the images belong to, or null for a one-off
 * @param image     the uploaded photo, as sent (already checked to decode within limits)
 */
public record ImageJobRequest(ProductId productId, ProductFacts facts, byte[] image, List<OutputSpec> outputs,
                              ImageFiles.Format format, List<Integer> palette, long seed) {
    public ImageJobRequest {
        outputs = List.copyOf(outputs);
        palette = List.copyOf(palette);
    }
}
