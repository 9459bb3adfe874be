package io.aisle.vision;

/** sRGB to CIELAB (D65), with lookup tables so a megapixel converts in milliseconds. */
public final class Lab {
    private static final double XN = 0.95047;
    private static final double ZN = 1.08883;
    private static final float[] LINEAR = new float[256];
    private static final int F_STEPS = 16_384;
    private static final float[] F = new float[F_STEPS + 2];
    private static final float F_MAX = 1.1f;

    static {
        for (int i = 0; i < 256; i++) {
            double c = i / 255.0;
            LINEAR[i] = (float) (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        for (int i = 0; i < F.length; i++) F[i] = (float) f(i * (double) F_MAX / F_STEPS);
    }

    private Lab() {}

    private static double f(double t) {
        return t > 216.0 / 24389.0 ? Math.cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
    }

    private static float fFast(float t) {
        float pos = t * (F_STEPS / F_MAX);
        if (pos <= 0) return F[0];
        int i = (int) pos;
        if (i >= F_STEPS) return (float) f(t);
        float frac = pos - i;
        return F[i] + (F[i + 1] - F[i]) * frac;
    }

    /** {L, a, b} of one {@code 0xRRGGBB} colour, computed exactly. */
    public static double[] of(int rgb) {
        double r = LINEAR[rgb >> 16 & 0xFF];
        double g = LINEAR[rgb >> 8 & 0xFF];
        double b = LINEAR[rgb & 0xFF];
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / XN;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / ZN;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    /** Lab planes of many pixels at once, written to {@code l}, {@code a}, {@code b}. */
    public static void convert(int[] argb, float[] l, float[] a, float[] b) {
        int last = 0;
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            if (i > 0 && (p & 0xFFFFFF) == last) {
                // Studio backdrops are long runs of one colour: reuse the previous conversion.
                l[i] = l[i - 1];
                a[i] = a[i - 1];
                b[i] = b[i - 1];
                continue;
            }
            last = p & 0xFFFFFF;
            float r = LINEAR[p >> 16 & 0xFF];
            float g = LINEAR[p >> 8 & 0xFF];
            float bl = LINEAR[p & 0xFF];
            float fx = fFast((0.4124564f * r + 0.3575761f * g + 0.1804375f * bl) / (float) XN);
            float fy = fFast(0.2126729f * r + 0.7151522f * g + 0.0721750f * bl);
            float fz = fFast((0.0193339f * r + 0.1191920f * g + 0.9503041f * bl) / (float) ZN);
            l[i] = 116 * fy - 16;
            a[i] = 500 * (fx - fy);
            b[i] = 200 * (fy - fz);
        }
    }

    /** Lightness only, for sharpness and edge measures. */
    public static float lightness(int rgb) {
        float y = 0.2126729f * LINEAR[rgb >> 16 & 0xFF] + 0.7151522f * LINEAR[rgb >> 8 & 0xFF] + 0.0721750f * LINEAR[rgb & 0xFF];
        return 116 * fFast(y) - 16;
    }
}
