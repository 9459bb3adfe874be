package io.aisle.vision;

import io.aisle.core.vision.Picture;

import java.util.SplittableRandom;

/** Studio-like test photos drawn in code: backdrop, product shapes with anti-aliased edges, shadows, JPEG-like noise. */
final class Synthetic {
    private final int width;
    private final int height;
    private final int[] px;

    Synthetic(int width, int height, int backdrop) {
        this.width = width;
        this.height = height;
        this.px = new int[width * height];
        java.util.Arrays.fill(px, 0xFF000000 | backdrop);
    }

    /** A disc with a one-pixel anti-aliased rim. */
    Synthetic disc(double cx, double cy, double r, int rgb) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                double cover = Math.max(0, Math.min(1, r - d + 0.5));
                if (cover > 0) blend(x, y, rgb, cover);
            }
        }
        return this;
    }

    Synthetic rect(int x0, int y0, int x1, int y1, int rgb) {
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) px[y * width + x] = 0xFF000000 | rgb;
        return this;
    }

    /** A soft, neutral darkening centred at (cx, cy): the kind of shadow a product casts on a sweep. */
    Synthetic shadow(double cx, double cy, double rx, double ry, double depth) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double e = Math.pow((x - cx) / rx, 2) + Math.pow((y - cy) / ry, 2);
                if (e >= 1) continue;
                double f = 1 - depth * (1 - e) * (1 - e);
                int p = px[y * width + x];
                int r = (int) Math.round((p >> 16 & 0xFF) * f);
                int g = (int) Math.round((p >> 8 & 0xFF) * f);
                int b = (int) Math.round((p & 0xFF) * f);
                px[y * width + x] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
        return this;
    }

    /** Adds +-amplitude of seeded noise to every channel. */
    Synthetic noise(int amplitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int r = clamp((p >> 16 & 0xFF) + random.nextInt(-amplitude, amplitude + 1));
            int g = clamp((p >> 8 & 0xFF) + random.nextInt(-amplitude, amplitude + 1));
            int b = clamp((p & 0xFF) + random.nextInt(-amplitude, amplitude + 1));
            px[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return this;
    }

    /** A textured product: stripes, so the product has detail for sharpness checks. */
    Synthetic stripes(int x0, int y0, int x1, int y1, int rgb1, int rgb2) {
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) px[y * width + x] = 0xFF000000 | (((x / 3 + y / 3) & 1) == 0 ? rgb1 : rgb2);
        return this;
    }

    Picture picture() { return new Picture(width, height, px.clone()); }

    private void blend(int x, int y, int rgb, double a) {
        int p = px[y * width + x];
        int r = (int) Math.round((rgb >> 16 & 0xFF) * a + (p >> 16 & 0xFF) * (1 - a));
        int g = (int) Math.round((rgb >> 8 & 0xFF) * a + (p >> 8 & 0xFF) * (1 - a));
        int b = (int) Math.round((rgb & 0xFF) * a + (p & 0xFF) * (1 - a));
        px[y * width + x] = 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int clamp(int v) { return Math.max(0, Math.min(255, v)); }

    /** The usual test product: a striped navy bag-like block with a disc on top, on white with a soft shadow. */
    static Picture product() {
        return new Synthetic(320, 400, 0xFFFFFF)
                .shadow(160, 322, 130, 26, 0.2)
                .stripes(70, 140, 250, 320, 0x1F2A44, 0x2E3B5C)
                .disc(160, 120, 40, 0x1F2A44)
                .noise(1, 7)
                .picture();
    }
}
