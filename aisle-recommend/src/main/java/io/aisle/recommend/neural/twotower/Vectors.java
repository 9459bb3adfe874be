package io.aisle.recommend.neural.twotower;

/** Small dense-vector helpers shared by the towers and the model. */
final class Vectors {
    /** Added under the square root so a zero vector stays zero instead of dividing by zero; same as in training. */
    static final float NORM_EPSILON = 1e-12f;

    private Vectors() {}

    /** Scales {@code v} in place to unit length and returns it. */
    static float[] normalize(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        float inv = (float) (1.0 / Math.sqrt(s + NORM_EPSILON));
        for (int k = 0; k < v.length; k++) v[k] *= inv;
        return v;
    }

    /** Dot product of {@code q} with row {@code row} of a row-major matrix of width {@code q.length}. */
    static float dot(float[] q, float[] matrix, int row) {
        int d = q.length;
        int base = row * d;
        // Four running sums let the JIT overlap the multiply-adds.
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < d; k += 4) {
            s0 += q[k] * matrix[base + k];
            s1 += q[k + 1] * matrix[base + k + 1];
            s2 += q[k + 2] * matrix[base + k + 2];
            s3 += q[k + 3] * matrix[base + k + 3];
        }
        for (; k < d; k++) s0 += q[k] * matrix[base + k];
        return (s0 + s1) + (s2 + s3);
    }
}
