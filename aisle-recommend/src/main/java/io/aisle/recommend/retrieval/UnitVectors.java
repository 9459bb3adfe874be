package io.aisle.recommend.retrieval;

import java.util.Objects;

/** Checks and normalises vectors on their way into an index or a query. */
final class UnitVectors {
    private UnitVectors() {}

    /** A unit-length copy of {@code v} (a zero vector stays zero); refuses a wrong length or non-finite values. */
    static float[] of(String field, float[] v, int dimension) {
        Objects.requireNonNull(v, field);
        if (v.length != dimension) {
            throw new IllegalArgumentException(field + " has length " + v.length + ", the index holds vectors of length " + dimension);
        }
        double s = 0;
        for (int k = 0; k < v.length; k++) {
            if (!Float.isFinite(v[k])) throw new IllegalArgumentException(field + "[" + k + "] is " + v[k] + ", not a finite number");
            s += (double) v[k] * v[k];
        }
        float[] out = v.clone();
        if (s == 0) return out;
        float inv = (float) (1 / Math.sqrt(s));
        for (int k = 0; k < out.length; k++) out[k] *= inv;
        return out;
    }
}
