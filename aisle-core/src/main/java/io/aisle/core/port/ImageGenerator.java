package io.aisle.core.port;

import io.aisle.core.vision.ImageGenerationException;
import io.aisle.core.vision.Picture;
import io.aisle.core.vision.SceneRequest;

/**
 * Paints a scene around a product: a built-in compositor, or a diffusion service reached over HTTP. Callers never
 * trust the product pixels that come back: they composite the original product over the answer, so a generator only
 * ever contributes the surroundings.
 */
public interface ImageGenerator {

    /** Names the backend (and its model, where it has one) for job records and QC reports. */
    String name();

    /**
     * An opaque scene for {@code request}. The answer should have the request's size; callers rescale one that does
     * not.
     *
     * @throws ImageGenerationException when no usable image can be produced
     */
    Picture generate(SceneRequest request);
}
