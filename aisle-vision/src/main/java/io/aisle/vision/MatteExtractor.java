package io.aisle.vision;

import io.aisle.core.vision.Picture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the product out of a studio photo on a white or light background. The background colour and its noise are
 * measured on the image border (in CIELAB); the background is then flood-filled from the border through pixels that
 * are close to that colour and carry no edge, which keeps white and reflective products whole as long as an edge
 * separates them from the backdrop. Soft, low-saturation darkening reached by the same fill is the cast shadow.
 * Enclosed, perfectly background-coloured holes (the gap inside a bag handle) are background too. The hard mask is
 * then feathered over a narrow band: a colour-distance alpha refined by a guided filter on lightness.
 */
public final class MatteExtractor {
    private static final int BAND = 2;

    /** The matte of {@code source}. */
    public ProductMatte extract(Picture source) {
        int w = source.width();
        int h = source.height();
        int n = w * h;
        float[] l = new float[n];
        float[] a = new float[n];
        float[] b = new float[n];
        Lab.convert(source.argb(), l, a, b);

        int border = Math.max(2, Math.min(w, h) / 100);
        int[] borderIdx = borderIndices(w, h, border);
        float bgL = median(l, borderIdx);
        float bgA = median(a, borderIdx);
        float bgB = median(b, borderIdx);
        float[] dist = new float[n];
        for (int i = 0; i < n; i++) {
            float dl = l[i] - bgL;
            float da = a[i] - bgA;
            float db = b[i] - bgB;
            dist[i] = (float) Math.sqrt(dl * dl + da * da + db * db);
        }
        float sigma = Math.max(0.5f, 1.4826f * median(dist, borderIdx));
        float tLo = Math.max(3f, 3 * sigma);
        float tHi = Math.max(8f, 2.5f * tLo);
        float[] grad = sobel(l, w, h);
        float gStop = Math.max(2.5f, 4 * sigma);

        // 1 = background reached from the border, 2 = of which shadow-like.
        byte[] bg = new byte[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i : borderIdx) {
            if (bg[i] == 0 && passable(i, l, a, b, dist, grad, bgL, bgA, bgB, tHi, gStop, sigma)) {
                bg[i] = 1;
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int i = queue[head++];
            int x = i % w;
            int y = i / w;
            if (x > 0) tail = visit(i - 1, bg, queue, tail, l, a, b, dist, grad, bgL, bgA, bgB, tHi, gStop, sigma);
            if (x < w - 1) tail = visit(i + 1, bg, queue, tail, l, a, b, dist, grad, bgL, bgA, bgB, tHi, gStop, sigma);
            if (y > 0) tail = visit(i - w, bg, queue, tail, l, a, b, dist, grad, bgL, bgA, bgB, tHi, gStop, sigma);
            if (y < h - 1) tail = visit(i + w, bg, queue, tail, l, a, b, dist, grad, bgL, bgA, bgB, tHi, gStop, sigma);
        }

        List<String> notes = new ArrayList<>();
        int holes = openEnclosedHoles(bg, dist, grad, w, h, tLo, Math.min(0.6f * tLo, Math.max(0.8f, 1.5f * sigma)), gStop, queue);
        if (holes > 0) notes.add(holes + " enclosed background hole(s) removed from the product");
        dropSpecks(bg, w, h, Math.max(64, n / 3000), queue);

        Box bounds = bounds(bg, w, h, true);
        byte[] shadow = new byte[n];
        int shadowPixels = 0;
        if (!bounds.isEmpty()) {
            int shadowTop = bounds.y0() + bounds.height() / 2;
            for (int i = 0; i < n; i++) {
                if (bg[i] != 0 && dist[i] >= tHi && i / w >= shadowTop && l[i] < bgL) {
                    shadow[i] = (byte) Math.min(255, Math.round((bgL - l[i]) / 40f * 255));
                    shadowPixels++;
                }
            }
        }

        byte[] alpha = feather(bg, dist, l, w, h, tLo, bounds);

        double sumAlpha = 0;
        for (byte v : alpha) sumAlpha += v & 0xFF;
        double coverage = sumAlpha / 255.0 / n;
        double confidence = confidence(bg, dist, grad, borderIdx, w, h, sigma, tLo, tHi, gStop, coverage, notes);
        int bgRgb = averageRgb(source.argb(), borderIdx);
        return new ProductMatte(w, h, alpha, shadow, bounds(alpha, w, h, false), coverage, (double) shadowPixels / n,
                confidence, bgRgb, notes);
    }

    private static boolean passable(int i, float[] l, float[] a, float[] b, float[] dist, float[] grad,
                                    float bgL, float bgA, float bgB, float tHi, float gStop, float sigma) {
        if (grad[i] >= gStop) return false;
        if (dist[i] < tHi) return true;
        // A cast shadow on the backdrop: darker, not much more colourful, smooth, and never very dark.
        float darker = bgL - l[i];
        if (darker <= 0 || darker > 40) return false;
        float da = a[i] - bgA;
        float db = b[i] - bgB;
        float chroma = (float) Math.sqrt(da * da + db * db);
        return chroma < Math.max(4f, 2 * sigma) + 0.1f * darker;
    }

    private static int visit(int j, byte[] bg, int[] queue, int tail, float[] l, float[] a, float[] b, float[] dist,
                             float[] grad, float bgL, float bgA, float bgB, float tHi, float gStop, float sigma) {
        if (bg[j] == 0 && passable(j, l, a, b, dist, grad, bgL, bgA, bgB, tHi, gStop, sigma)) {
            bg[j] = 1;
            queue[tail++] = j;
        }
        return tail;
    }

    /**
     * Background-coloured regions walled in by the product; large, flat ones whose mean colour is within
     * {@code holeDist} of the backdrop (a near-white product panel is not) are holes.
     */
    private static int openEnclosedHoles(byte[] bg, float[] dist, float[] grad, int w, int h, float tLo, float holeDist,
                                         float gStop, int[] queue) {
        int n = w * h;
        int minArea = Math.max(200, n / 1000);
        byte[] seen = new byte[n];
        int holes = 0;
        for (int s = 0; s < n; s++) {
            if (bg[s] != 0 || seen[s] != 0 || dist[s] >= tLo || grad[s] >= gStop) continue;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            seen[s] = 1;
            double sumDist = 0;
            while (head < tail) {
                int i = queue[head++];
                sumDist += dist[i];
                int x = i % w;
                int y = i / w;
                int[] nb = {x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1};
                for (int j : nb) {
                    if (j >= 0 && bg[j] == 0 && seen[j] == 0 && dist[j] < tLo && grad[j] < gStop) {
                        seen[j] = 1;
                        queue[tail++] = j;
                    }
                }
            }
            if (tail >= minArea && sumDist / tail < holeDist) {
                for (int k = 0; k < tail; k++) bg[queue[k]] = 1;
                holes++;
            }
        }
        return holes;
    }

    /** Foreground components too small to be the product (dust, JPEG ringing) become background. */
    private static void dropSpecks(byte[] bg, int w, int h, int minArea, int[] queue) {
        int n = w * h;
        byte[] seen = new byte[n];
        for (int s = 0; s < n; s++) {
            if (bg[s] != 0 || seen[s] != 0) continue;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            seen[s] = 1;
            while (head < tail) {
                int i = queue[head++];
                int x = i % w;
                int y = i / w;
                if (x > 0 && bg[i - 1] == 0 && seen[i - 1] == 0) { seen[i - 1] = 1; queue[tail++] = i - 1; }
                if (x < w - 1 && bg[i + 1] == 0 && seen[i + 1] == 0) { seen[i + 1] = 1; queue[tail++] = i + 1; }
                if (y > 0 && bg[i - w] == 0 && seen[i - w] == 0) { seen[i - w] = 1; queue[tail++] = i - w; }
                if (y < h - 1 && bg[i + w] == 0 && seen[i + w] == 0) { seen[i + w] = 1; queue[tail++] = i + w; }
            }
            if (tail < minArea) for (int k = 0; k < tail; k++) bg[queue[k]] = 1;
        }
    }

    /**
     * Soft alpha over a band of {@link #BAND} px either side of the hard boundary: where the edge pixel lies between
     * the backdrop and the nearby product colour, then smoothed along the image's own edges by a guided filter.
     */
    private static byte[] feather(byte[] bg, float[] dist, float[] l, int w, int h, float tLo, Box fgBounds) {
        int n = w * h;
        byte[] alpha = new byte[n];
        if (fgBounds.isEmpty()) return alpha;
        int pad = BAND + 4;
        Box box = new Box(Math.max(0, fgBounds.x0() - pad), Math.max(0, fgBounds.y0() - pad),
                Math.min(w, fgBounds.x1() + pad), Math.min(h, fgBounds.y1() + pad));
        int[] dIn = new int[n];
        int[] dOut = new int[n];
        distanceToOther(bg, w, box, dIn, dOut);
        for (int i = 0; i < n; i++) if (bg[i] == 0) alpha[i] = (byte) 255;
        // The band pixels, in scan order.
        int[] band = new int[n];
        int bandSize = 0;
        float[] rough = new float[n];
        float[] guide = new float[n];
        for (int y = box.y0(); y < box.y1(); y++) {
            for (int x = box.x0(); x < box.x1(); x++) {
                int i = y * w + x;
                guide[i] = l[i] / 100f;
                rough[i] = bg[i] == 0 ? 1 : 0;
                if (bg[i] == 0 ? dIn[i] <= BAND : dOut[i] <= BAND) band[bandSize++] = i;
            }
        }
        band = java.util.Arrays.copyOf(band, bandSize);
        for (int i : band) {
            // Typical product colour distance nearby: mean over solid product pixels in a 7x7 window.
            int x = i % w;
            int y = i / w;
            double sum = 0;
            int count = 0;
            for (int yy = Math.max(box.y0(), y - 3); yy <= Math.min(box.y1() - 1, y + 3); yy++) {
                for (int xx = Math.max(box.x0(), x - 3); xx <= Math.min(box.x1() - 1, x + 3); xx++) {
                    int j = yy * w + xx;
                    if (bg[j] == 0 && dIn[j] > BAND) {
                        sum += dist[j];
                        count++;
                    }
                }
            }
            float fgDist = count == 0 ? 0 : (float) (sum / count);
            // Where the product barely differs from the backdrop (white on white) the edge-stopped fill is trusted.
            if (fgDist > tLo * 3) rough[i] = clamp((dist[i] - tLo) / (fgDist - tLo));
        }
        float[] refined = GuidedFilter.filterAt(guide, rough, w, h, band, 2, 1e-3f);
        for (int k = 0; k < band.length; k++) {
            int i = band[k];
            alpha[i] = (byte) Math.round(clamp(0.5f * (refined[k] + rough[i])) * 255);
        }
        return alpha;
    }

    /**
     * Chamfer distance (in whole pixels, 8-connected) from each pixel to the nearest pixel of the other class, within
     * {@code box} (the product's bounds plus a margin: farther out every pixel is plain background).
     */
    private static void distanceToOther(byte[] bg, int w, Box box, int[] dIn, int[] dOut) {
        int inf = box.width() + box.height();
        for (int y = box.y0(); y < box.y1(); y++) {
            for (int x = box.x0(); x < box.x1(); x++) {
                int i = y * w + x;
                dIn[i] = bg[i] == 0 ? inf : 0;
                dOut[i] = bg[i] != 0 ? inf : 0;
            }
        }
        chamfer(dIn, w, box);
        chamfer(dOut, w, box);
    }

    private static void chamfer(int[] d, int w, Box box) {
        int x0 = box.x0();
        int x1 = box.x1();
        for (int y = box.y0(); y < box.y1(); y++) {
            boolean up = y > box.y0();
            for (int x = x0; x < x1; x++) {
                int i = y * w + x;
                int v = d[i];
                if (v == 0) continue;
                if (x > x0) v = Math.min(v, d[i - 1] + 1);
                if (up) {
                    v = Math.min(v, d[i - w] + 1);
                    if (x > x0) v = Math.min(v, d[i - w - 1] + 1);
                    if (x < x1 - 1) v = Math.min(v, d[i - w + 1] + 1);
                }
                d[i] = v;
            }
        }
        for (int y = box.y1() - 1; y >= box.y0(); y--) {
            boolean down = y < box.y1() - 1;
            for (int x = x1 - 1; x >= x0; x--) {
                int i = y * w + x;
                int v = d[i];
                if (v == 0) continue;
                if (x < x1 - 1) v = Math.min(v, d[i + 1] + 1);
                if (down) {
                    v = Math.min(v, d[i + w] + 1);
                    if (x < x1 - 1) v = Math.min(v, d[i + w + 1] + 1);
                    if (x > x0) v = Math.min(v, d[i + w - 1] + 1);
                }
                d[i] = v;
            }
        }
    }

    private static double confidence(byte[] bg, float[] dist, float[] grad, int[] borderIdx, int w, int h, float sigma,
                                     float tLo, float tHi, float gStop, double coverage, List<String> notes) {
        double uniform = clamp((float) (1 - (sigma - 1.5) / 6));
        if (uniform < 0.8) notes.add("backdrop is not uniform (noise " + String.format(java.util.Locale.ROOT, "%.1f", sigma) + " dE)");
        int touching = 0;
        for (int i : borderIdx) if (bg[i] == 0) touching++;
        double touchFrac = (double) touching / borderIdx.length;
        double clear = clamp((float) (1 - touchFrac * 5));
        if (touchFrac > 0.02) notes.add("product touches the frame on " + Math.round(touchFrac * 100) + "% of the border");
        // Boundary pixels of the product should be explained by an edge or a clear colour step.
        int boundary = 0;
        int explained = 0;
        double contrast = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                if (bg[i] != 0) continue;
                if (bg[i - 1] == 0 && bg[i + 1] == 0 && bg[i - w] == 0 && bg[i + w] == 0) continue;
                boundary++;
                if (grad[i] >= gStop * 0.5f || dist[i] >= tHi) explained++;
                contrast += Math.min(dist[i], 40);
            }
        }
        double explainedFrac = boundary == 0 ? 0 : (double) explained / boundary;
        double edgeContrast = boundary == 0 ? 0 : clamp((float) ((contrast / boundary - tLo) / 20));
        if (explainedFrac < 0.8) notes.add(Math.round((1 - explainedFrac) * 100) + "% of the outline has no clear edge");
        if (edgeContrast < 0.5) notes.add("product is close to the backdrop colour along its outline");
        double c = 0.25 * uniform + 0.2 * clear + 0.35 * explainedFrac + 0.2 * edgeContrast;
        if (coverage < 0.01 || coverage > 0.95) {
            notes.add("product covers " + Math.round(coverage * 100) + "% of the frame, outside 1..95%");
            c *= 0.3;
        }
        return Math.round(c * 1000) / 1000.0;
    }

    private static float[] sobel(float[] l, int w, int h) {
        float[] g = new float[w * h];
        for (int y = 1; y < h - 1; y++) {
            int row = y * w;
            for (int x = 1; x < w - 1; x++) {
                int i = row + x;
                float gx = (l[i - w + 1] + 2 * l[i + 1] + l[i + w + 1]) - (l[i - w - 1] + 2 * l[i - 1] + l[i + w - 1]);
                float gy = (l[i + w - 1] + 2 * l[i + w] + l[i + w + 1]) - (l[i - w - 1] + 2 * l[i - w] + l[i - w + 1]);
                g[i] = (float) Math.sqrt(gx * gx + gy * gy) / 8f;
            }
        }
        return g;
    }

    private static int[] borderIndices(int w, int h, int band) {
        int bandX = Math.min(band, w / 2);
        int bandY = Math.min(band, h / 2);
        int[] idx = new int[w * h];
        int k = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (x < bandX || x >= w - bandX || y < bandY || y >= h - bandY) idx[k++] = y * w + x;
            }
        }
        return Arrays.copyOf(idx, k);
    }

    private static float median(float[] values, int[] idx) {
        float[] v = new float[idx.length];
        for (int k = 0; k < idx.length; k++) v[k] = values[idx[k]];
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static int averageRgb(int[] argb, int[] idx) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int i : idx) {
            r += argb[i] >> 16 & 0xFF;
            g += argb[i] >> 8 & 0xFF;
            b += argb[i] & 0xFF;
        }
        int n = idx.length;
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }

    /** Bounds of the product: pixels where {@code mask} is zero when {@code zeroIsProduct}, non-zero otherwise. */
    private static Box bounds(byte[] mask, int w, int h, boolean zeroIsProduct) {
        int x0 = w;
        int y0 = h;
        int x1 = 0;
        int y1 = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((mask[y * w + x] == 0) == zeroIsProduct) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x + 1);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        return x1 == 0 ? new Box(0, 0, 0, 0) : new Box(x0, y0, x1, y1);
    }

    private static float clamp(float v) { return v < 0 ? 0 : v > 1 ? 1 : v; }
}
