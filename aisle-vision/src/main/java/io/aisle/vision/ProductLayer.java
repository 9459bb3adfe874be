package io.aisle.vision;

import io.aisle.core.vision.Picture;

/**
 * The product cut out and placed on an output canvas, and the step that lays it back over whatever a generator
 * painted. Soft edge pixels are un-mixed from the studio backdrop (foreground colour estimated as
 * {@code (I - (1 - a) B) / a}) so they do not carry a white fringe onto a dark scene; hard-core pixels are copied
 * unchanged, and because the blend is done in integers with {@code a = 255} giving the foreground exactly, the
 * core of every output equals the source.
 */
public final class ProductLayer {
    private ProductLayer() {}

    /** The product on a transparent canvas: ARGB with the matte as alpha. */
    public static Picture place(Picture source, ProductMatte matte, Placement placement) {
        int cw = placement.canvasWidth();
        int ch = placement.canvasHeight();
        int[] out = new int[Math.multiplyExact(cw, ch)];
        int sw = source.width();
        int bgR = matte.background() >> 16 & 0xFF;
        int bgG = matte.background() >> 8 & 0xFF;
        int bgB = matte.background() & 0xFF;
        Box b = matte.bounds();
        for (int y = b.y0(); y < b.y1(); y++) {
            int ty = y + placement.dy();
            if (ty < 0 || ty >= ch) continue;
            for (int x = b.x0(); x < b.x1(); x++) {
                int tx = x + placement.dx();
                if (tx < 0 || tx >= cw) continue;
                int i = y * sw + x;
                int a = matte.alphaAt(i);
                if (a == 0) continue;
                int p = source.argb()[i];
                if (a < 255) {
                    p = unmix(p, a, bgR, bgG, bgB);
                }
                out[ty * cw + tx] = a << 24 | (p & 0xFFFFFF);
            }
        }
        return new Picture(cw, ch, out);
    }

    /** {@code layer} over {@code scene}: opaque result; where the layer's alpha is 255 its colour is taken as is. */
    public static Picture over(Picture layer, Picture scene) {
        if (layer.width() != scene.width() || layer.height() != scene.height()) {
            throw new IllegalArgumentException("layer is " + layer.width() + "x" + layer.height() + " but scene is " + scene.width() + "x" + scene.height());
        }
        int[] l = layer.argb();
        int[] s = scene.argb();
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            int p = l[i];
            int a = p >>> 24;
            if (a == 255) {
                out[i] = p;
            } else if (a == 0) {
                out[i] = 0xFF000000 | s[i];
            } else {
                int q = s[i];
                int na = 255 - a;
                int r = ((p >> 16 & 0xFF) * a + (q >> 16 & 0xFF) * na + 127) / 255;
                int g = ((p >> 8 & 0xFF) * a + (q >> 8 & 0xFF) * na + 127) / 255;
                int bl = ((p & 0xFF) * a + (q & 0xFF) * na + 127) / 255;
                out[i] = 0xFF000000 | r << 16 | g << 8 | bl;
            }
        }
        return new Picture(layer.width(), layer.height(), out);
    }

    private static int unmix(int p, int a, int bgR, int bgG, int bgB) {
        int na = 255 - a;
        int r = clamp(((p >> 16 & 0xFF) * 255 - bgR * na) / a);
        int g = clamp(((p >> 8 & 0xFF) * 255 - bgG * na) / a);
        int b = clamp(((p & 0xFF) * 255 - bgB * na) / a);
        return r << 16 | g << 8 | b;
    }

    private static int clamp(int v) { return v < 0 ? 0 : Math.min(255, v); }
}
