package io.aisle.vision;

import io.aisle.core.vision.Picture;

import java.util.List;

/** The pipeline's answer for one source photo: the (working-size) source, its matte and every output. */
public record StudioResult(Picture source, ProductMatte matte, List<StudioOutput> outputs) {
    public StudioResult {
        outputs = List.copyOf(outputs);
    }
}
