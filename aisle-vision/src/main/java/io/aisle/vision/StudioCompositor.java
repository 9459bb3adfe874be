package io.aisle.vision;

import io.aisle.core.port.ImageGenerator;
import io.aisle.core.vision.Picture;
import io.aisle.core.vision.SceneRequest;

import java.util.List;

/**
 * The built-in, offline scene generator: deterministic backdrops drawn from gradients, a floor plane, a key light,
 * a contact shadow under the product, a floor reflection (studio) and a plank floor (room), tinted from the brand
 * palette. It reads the product's silhouette from the request's alpha channel to place shadow and reflection.
 */
public final class StudioCompositor implements ImageGenerator {
    private static final int DEFAULT_BASE = 0xE6E1D8;
    private static final int DEFAULT_WOOD = 0xB48A5E;

    @Override public String name() { return "builtin-compositor"; }

    @Override public Picture generate(SceneRequest request) {
        Picture product = request.product();
        int w = product.width();
        int h = product.height();
        Silhouette s = Silhouette.of(product);
        int base = request.palette().isEmpty() ? DEFAULT_BASE : request.palette().get(0);
        int[] px = new int[w * h];
        switch (ScenePreset.parse(request.preset())) {
            case MAIN_WHITE -> java.util.Arrays.fill(px, 0xFFFFFFFF);
            case STUDIO -> studio(px, w, h, s, base, request.lightFromLeft());
            case ROOM -> room(px, w, h, s, base, wood(request.palette()), request.lightFromLeft(), request.seed());
        }
        if (!request.preset().equals(ScenePreset.MAIN_WHITE.label())) {
            if (request.preset().equals(ScenePreset.STUDIO.label())) reflect(px, product, w, h, s);
            contactShadow(px, w, h, s, request.lightFromLeft());
        }
        return ProductLayer.over(product, new Picture(w, h, px));
    }

    private static int wood(List<Integer> palette) { return palette.size() > 1 ? palette.get(1) : DEFAULT_WOOD; }

    /** A seamless sweep: wall lightening towards the top, floor from the product's base, a soft spot behind it. */
    private static void studio(int[] px, int w, int h, Silhouette s, int base, boolean fromLeft) {
        int wall = mix(base, 0xFFFFFF, 0.55);
        int floor = mix(base, 0xFFFFFF, 0.3);
        int horizon = Math.max(1, s.base() - (int) (0.04 * h));
        int sweep = Math.max(2, (int) (0.08 * h));
        double spotX = s.centreX() + (fromLeft ? -0.12 : 0.12) * w;
        double spotY = s.top() + 0.35 * (s.base() - s.top());
        double spotR = 0.6 * Math.max(w, h);
        float[] colSpot = new float[w];
        for (int x = 0; x < w; x++) colSpot[x] = (float) ((x - spotX) * (x - spotX));
        double invR2 = 1 / (spotR * spotR);
        int[] rowByLight = new int[83];
        for (int y = 0; y < h; y++) {
            double t = smooth((y - horizon) / (double) sweep);
            int row = mix(mix(wall, base, 0.6 * y / (double) h), floor, t);
            // This row's colour at each light level 0.90..1.06 (steps of 1/512): one look-up per pixel.
            for (int k = 0; k < rowByLight.length; k++) rowByLight[k] = 0xFF000000 | scale(row, 0.9 + k / 512.0);
            double dy2 = (y - spotY) * (y - spotY);
            for (int x = 0; x < w; x++) {
                double r2 = (colSpot[x] + dy2) * invR2;
                int k = (int) ((0.16 - 0.16 * Math.min(1, r2)) * 512);
                px[y * w + x] = rowByLight[k];
            }
        }
    }

    /** A wall with window light falling across it, a skirting board, and a plank floor in perspective. */
    private static void room(int[] px, int w, int h, Silhouette s, int base, int wood, boolean fromLeft, long seed) {
        int wall = mix(base, 0xFFFFFF, 0.35);
        int horizon = Math.max(1, s.base() - (int) (0.07 * h));
        int skirting = Math.max(1, (int) (0.025 * h));
        double vanishX = w * (fromLeft ? 0.42 : 0.58);
        double vanishY = horizon - 1.2 * h;
        float[] bandLut = new float[1025];
        for (int k = 0; k < bandLut.length; k++) bandLut[k] = (float) Math.exp(-Math.pow((k / 1024.0 * 1.5 - 0.45) / 0.16, 2));
        // Wall colours by light level (0.80..1.20 in steps of 1/512), so a pixel costs a table look-up.
        int[] wallByLight = new int[206];
        for (int k = 0; k < wallByLight.length; k++) wallByLight[k] = scale(wall, 0.8 + k / 512.0);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            if (y < horizon - skirting) {
                double shade = 0.9 + 0.06 * (1 - y / (double) horizon);
                double uy = 0.35 * y / (double) h;
                for (int x = 0; x < w; x++) {
                    // Window light: a soft diagonal band that slides across as it falls.
                    double u = (fromLeft ? x : w - 1 - x) / (double) w + uy;
                    double band = bandLut[(int) Math.min(1024, Math.max(0, u / 1.5 * 1024))];
                    int k = (int) ((shade + 0.12 * band - 0.8) * 512);
                    px[row + x] = 0xFF000000 | wallByLight[Math.max(0, Math.min(wallByLight.length - 1, k))];
                }
            } else if (y < horizon) {
                java.util.Arrays.fill(px, row, row + w, 0xFFF4F2EE);
            } else {
                double depth = (y - horizon) / (double) Math.max(1, h - horizon);
                double invDy = 1 / (y - vanishY);
                int lastPlank = Integer.MIN_VALUE;
                int plain = 0;
                int seam = 0;
                for (int x = 0; x < w; x++) {
                    double pos = (x - vanishX) * invDy * 14;
                    int plank = (int) Math.floor(pos);
                    if (plank != lastPlank) {
                        // Tone per plank, grain per plank and band of rows: worked out once per plank crossing.
                        double tone = (0.9 + 0.12 * unit(hash(seed, plank))
                                + 0.03 * unit(hash(seed ^ 0x9E3779B97F4A7C15L, plank * 4099L + y / 4))) * (0.95 - 0.12 * depth);
                        plain = 0xFF000000 | scale(wood, tone);
                        seam = 0xFF000000 | scale(wood, tone * 0.82);
                        lastPlank = plank;
                    }
                    px[row + x] = Math.abs(pos - plank - 0.5) > 0.48 ? seam : plain;
                }
            }
        }
    }

    /** The product mirrored in a glossy floor, fading out with distance from its base. */
    private static void reflect(int[] px, Picture product, int w, int h, Silhouette s) {
        int depth = (int) Math.max(1, 0.3 * (s.base() - s.top()));
        int[] p = product.argb();
        for (int k = 1; k <= depth; k++) {
            int y = s.base() + k - 1;
            int src = s.base() - k;
            if (y >= h || src < 0) break;
            double strength = 0.22 * (1 - (double) k / depth);
            for (int x = s.left(); x < s.right(); x++) {
                int q = p[src * w + x];
                int a = q >>> 24;
                if (a == 0) continue;
                px[y * w + x] = 0xFF000000 | mix(px[y * w + x] & 0xFFFFFF, q & 0xFFFFFF, strength * a / 255.0);
            }
        }
    }

    /** A tight dark contact line where the product meets the floor plus a wide soft ambient shadow. */
    private static void contactShadow(int[] px, int w, int h, Silhouette s, boolean fromLeft) {
        int spread = Math.max(2, (s.right() - s.left()) / 25);
        float[] foot = blur(s.footprint(), spread);
        int shift = (int) ((fromLeft ? 1 : -1) * 0.03 * (s.right() - s.left()));
        double sigmaY = Math.max(1.5, 0.008 * h);
        double ambientY = Math.max(3, 0.03 * h);
        double ambientX = Math.max(4, 0.55 * (s.right() - s.left()));
        double cx = s.centreX() + shift * 2;
        float[] ambientCol = new float[w];
        for (int x = 0; x < w; x++) ambientCol[x] = (float) Math.exp(-Math.pow((x - cx) / ambientX, 2));
        int y0 = Math.max(0, s.base() - (int) (3 * sigmaY));
        int y1 = Math.min(h, s.base() + (int) (3 * ambientY));
        for (int y = y0; y < y1; y++) {
            double dy = y - s.base();
            double contact = Math.exp(-dy * dy / (2 * sigmaY * sigmaY));
            double ambient = Math.exp(-dy * dy / (2 * ambientY * ambientY));
            for (int x = 0; x < w; x++) {
                int fx = x - shift;
                double f = fx >= 0 && fx < w ? foot[fx] : 0;
                double dark = 0.5 * contact * f + 0.2 * ambient * ambientCol[x];
                if (dark < 0.002) continue;
                px[y * w + x] = 0xFF000000 | scale(px[y * w + x] & 0xFFFFFF, 1 - Math.min(0.7, dark));
            }
        }
    }

    private static float[] blur(float[] v, int r) {
        float[] out = v;
        for (int pass = 0; pass < 3; pass++) out = GuidedFilter.boxMean(out, out.length, 1, r);
        return out;
    }

    static int mix(int c1, int c2, double t) {
        t = Math.max(0, Math.min(1, t));
        int r = (int) Math.round((c1 >> 16 & 0xFF) * (1 - t) + (c2 >> 16 & 0xFF) * t);
        int g = (int) Math.round((c1 >> 8 & 0xFF) * (1 - t) + (c2 >> 8 & 0xFF) * t);
        int b = (int) Math.round((c1 & 0xFF) * (1 - t) + (c2 & 0xFF) * t);
        return r << 16 | g << 8 | b;
    }

    private static int scale(int c, double f) {
        int r = (int) Math.min(255, Math.max(0, Math.round((c >> 16 & 0xFF) * f)));
        int g = (int) Math.min(255, Math.max(0, Math.round((c >> 8 & 0xFF) * f)));
        int b = (int) Math.min(255, Math.max(0, Math.round((c & 0xFF) * f)));
        return r << 16 | g << 8 | b;
    }

    private static double smooth(double t) {
        t = Math.max(0, Math.min(1, t));
        return t * t * (3 - 2 * t);
    }

    private static long hash(long seed, long v) {
        long z = seed + v * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long h) { return ((h >>> 11) * 0x1.0p-53) * 2 - 1; }

    /** The product's outline as the scene needs it: bounds, base line and the columns it stands on. */
    private record Silhouette(int left, int top, int right, int base, float[] footprint) {
        static Silhouette of(Picture product) {
            int w = product.width();
            int h = product.height();
            int[] p = product.argb();
            int x0 = w;
            int y0 = h;
            int x1 = 0;
            int y1 = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if ((p[y * w + x] >>> 24) > 127) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x + 1);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y + 1);
                    }
                }
            }
            if (x1 == 0) return new Silhouette(w / 2, h / 2, w / 2 + 1, h / 2 + 1, new float[w]);
            float[] foot = new float[w];
            int from = Math.max(y0, y1 - Math.max(2, (y1 - y0) / 12));
            for (int y = from; y < y1; y++) {
                for (int x = x0; x < x1; x++) if ((p[y * w + x] >>> 24) > 127) foot[x] = 1;
            }
            return new Silhouette(x0, y0, x1, y1, foot);
        }

        double centreX() { return (left + right) / 2.0; }
    }
}
