package io.aisle.core.vision;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link io.aisle.core.port.ImageGenerator} is asked to paint.
 *
 * @param product the product already placed on the output canvas: its alpha channel is the product matte (255 =
 *                product, 0 = to be generated, in between = soft edge); the generator paints everything else
 * @param preset  the scene family, e.g. {@code studio} or {@code room}
 * @param prompt  a text description of the scene, for generators that take one
 * @param palette brand colours as {@code 0xRRGGBB}, the first being the main one; may be empty
 * @param lightFromLeft where the key light comes from, which decides the side shadows fall to
 * @param seed    makes a generator's choices repeatable
 */
public record SceneRequest(Picture product, String preset, String prompt, List<Integer> palette, boolean lightFromLeft, long seed) {

    public SceneRequest {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(preset, "preset");
        prompt = prompt == null ? "" : prompt;
        palette = List.copyOf(palette == null ? List.of() : palette);
    }

    public int width() { return product.width(); }

    public int height() { return product.height(); }
}
