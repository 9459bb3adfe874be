package io.aisle.vision;

import java.util.List;

/**
 * Where the product is in a source photo. {@code alpha} holds 0..255 per pixel (as unsigned bytes): 255 is the hard
 * core, whose pixels every output must reproduce exactly; values in between are the feathered edge. {@code shadow}
 * holds the strength (0..255) of the cast shadow found on the background, which is not part of the product.
 *
 * @param confidence 0..1: how sure the extractor is of this matte (uniform background, edges that explain the
 *                   boundary, product clear of the frame); low values send outputs to review
 * @param background the studio background colour measured on the border, {@code 0xRRGGBB}
 * @param notes      plain-language reasons that lowered the confidence
 */
public record ProductMatte(int width, int height, byte[] alpha, byte[] shadow, Box bounds, double coverage,
                           double shadowCoverage, double confidence, int background, List<String> notes) {

    public ProductMatte {
        notes = List.copyOf(notes);
    }

    public int alphaAt(int i) { return alpha[i] & 0xFF; }

    public boolean isCore(int i) { return alpha[i] == (byte) 255; }

    /** Pixels in the hard core. */
    public int corePixels() {
        int n = 0;
        for (byte a : alpha) if (a == (byte) 255) n++;
        return n;
    }
}
