package io.aisle.vision;

/**
 * The guided filter (He, Sun and Tang, 2010) with a grey guide: smooths an input (here a rough alpha) while making
 * its edges follow the guide's edges. Evaluated only where the caller needs it (the band around an outline).
 */
final class GuidedFilter {
    private GuidedFilter() {}

    /**
     * Filters {@code p} with guide {@code guide} (both full images of width {@code w}, height {@code h}) at the
     * pixels {@code targets}, radius {@code r}, regulariser {@code eps}. Only the coefficients the targets need are
     * computed, so a thin band around an outline costs a few thousand window sums instead of a whole-image pass.
     */
    static float[] filterAt(float[] guide, float[] p, int w, int h, int[] targets, int r, float eps) {
        int n = w * h;
        float[] a = new float[n];
        float[] b = new float[n];
        boolean[] done = new boolean[n];
        float[] q = new float[targets.length];
        for (int t = 0; t < targets.length; t++) {
            int i = targets[t];
            int x = i % w;
            int y = i / w;
            double sa = 0;
            double sb = 0;
            int count = 0;
            for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
                for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                    int j = yy * w + xx;
                    if (!done[j]) coefficients(guide, p, w, h, j, r, eps, a, b, done);
                    sa += a[j];
                    sb += b[j];
                    count++;
                }
            }
            q[t] = (float) (sa / count * guide[i] + sb / count);
        }
        return q;
    }

    /** The local linear model {@code q = a I + b} of the window centred on pixel {@code j}. */
    private static void coefficients(float[] guide, float[] p, int w, int h, int j, int r, float eps,
                                     float[] a, float[] b, boolean[] done) {
        int x = j % w;
        int y = j / w;
        double si = 0;
        double sp = 0;
        double sii = 0;
        double sip = 0;
        int count = 0;
        for (int yy = Math.max(0, y - r); yy <= Math.min(h - 1, y + r); yy++) {
            int row = yy * w;
            for (int xx = Math.max(0, x - r); xx <= Math.min(w - 1, x + r); xx++) {
                float g = guide[row + xx];
                float v = p[row + xx];
                si += g;
                sp += v;
                sii += g * g;
                sip += g * v;
                count++;
            }
        }
        double meanI = si / count;
        double meanP = sp / count;
        double var = sii / count - meanI * meanI;
        double cov = sip / count - meanI * meanP;
        double aj = cov / (var + eps);
        a[j] = (float) aj;
        b[j] = (float) (meanP - aj * meanI);
        done[j] = true;
    }

    /**
     * Mean over the (2r+1)^2 window clipped to the image: a running sum along each row, then running column sums
     * kept in one array while walking down the rows, so both passes read memory in order.
     */
    static float[] boxMean(float[] src, int w, int h, int r) {
        float[] tmp = new float[src.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            double sum = 0;
            int hi = Math.min(w - 1, r);
            for (int x = 0; x <= hi; x++) sum += src[row + x];
            for (int x = 0; x < w; x++) {
                int lo = Math.max(0, x - r);
                int top = Math.min(w - 1, x + r);
                tmp[row + x] = (float) (sum / (top - lo + 1));
                if (x + r + 1 < w) sum += src[row + x + r + 1];
                if (x - r >= 0) sum -= src[row + x - r];
            }
        }
        float[] out = new float[src.length];
        double[] col = new double[w];
        int last = Math.min(h - 1, r);
        for (int y = 0; y <= last; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) col[x] += tmp[row + x];
        }
        for (int y = 0; y < h; y++) {
            int lo = Math.max(0, y - r);
            int hi = Math.min(h - 1, y + r);
            float inv = 1f / (hi - lo + 1);
            int row = y * w;
            for (int x = 0; x < w; x++) out[row + x] = (float) col[x] * inv;
            if (y + r + 1 < h) {
                int add = (y + r + 1) * w;
                for (int x = 0; x < w; x++) col[x] += tmp[add + x];
            }
            if (y - r >= 0) {
                int sub = (y - r) * w;
                for (int x = 0; x < w; x++) col[x] -= tmp[sub + x];
            }
        }
        return out;
    }
}
