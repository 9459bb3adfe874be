package io.aisle.core.vision;

import java.util.Objects;

/**
 * An image as packed, row-major ARGB pixels ({@code 0xAARRGGBB}, straight alpha). Plain ints rather than an AWT type,
 * so ports and their adapters need nothing beyond the JDK's base module.
 */
public record Picture(int width, int height, int[] argb) {

    public Picture {
        Objects.requireNonNull(argb, "argb");
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("width and height must be positive, got " + width + "x" + height);
        if ((long) width * height != argb.length) {
            throw new IllegalArgumentException("argb has " + argb.length + " pixels, expected " + width + "x" + height);
        }
    }

    /** A fully opaque picture of one colour ({@code 0xRRGGBB}). */
    public static Picture filled(int width, int height, int rgb) {
        int[] px = new int[Math.multiplyExact(width, height)];
        java.util.Arrays.fill(px, 0xFF000000 | rgb);
        return new Picture(width, height, px);
    }

    public int get(int x, int y) { return argb[y * width + x]; }

    public int pixels() { return argb.length; }
}
