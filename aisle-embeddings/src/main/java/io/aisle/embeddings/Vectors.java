package io.aisle.embeddings;

/** Small, allocation-light vector arithmetic shared by the vector types; pure functions only. */
public final class Vectors {
    private Vectors() {}

    public static double dot(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("dimensions differ: " + a.length + " vs " + b.length);
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Dot product of {@code q} with row {@code row} of a row-major matrix of width {@code q.length}. */
    public static double dotRow(float[] q, float[] matrix, int row) {
        int base = row * q.length;
        double s = 0;
        for (int i = 0; i < q.length; i++) s += q[i] * matrix[base + i];
        return s;
    }

    public static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += x * x;
        return Math.sqrt(s);
    }

    /** Cosine similarity; 0 when either vector is zero. */
    public static double cosine(float[] a, float[] b) {
        double na = norm(a), nb = norm(b);
        return na == 0 || nb == 0 ? 0 : dot(a, b) / (na * nb);
    }

    /** A unit-length copy of {@code v}, or null when {@code v} is (numerically) zero and has no direction. */
    public static float[] unit(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        if (!(s > 1e-24)) return null;
        double inv = 1 / Math.sqrt(s);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] * inv);
        return out;
    }

    /** A unit-length copy of {@code v}, or null when it is zero. */
    public static float[] unit(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return unit(d);
    }
}
