package io.aisle.pricing.elasticity;

/** Annual seasonality as two Fourier harmonics of the week number (52-week year). */
public final class Seasonality {
    /** Columns: sin and cos of the first and second annual harmonic. */
    public static final int TERMS = 4;

    private Seasonality() {}

    public static void features(int week, double[] into, int offset) {
        double a = 2 * Math.PI * week / 52.0;
        into[offset] = Math.sin(a);
        into[offset + 1] = Math.cos(a);
        into[offset + 2] = Math.sin(2 * a);
        into[offset + 3] = Math.cos(2 * a);
    }

    public static double logLift(double[] coefficients, int week) {
        double[] f = new double[TERMS];
        features(week, f, 0);
        double v = 0;
        for (int i = 0; i < TERMS; i++) v += coefficients[i] * f[i];
        return v;
    }
}
