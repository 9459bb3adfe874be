package io.aisle.recommend.eval;

import java.util.Arrays;

/** Indices of the k highest finite scores, best first, without sorting the whole array. */
public final class TopItems {
    private TopItems() {}

    /** Fills {@code out} (length k) with item indices, -1 where fewer than k items have a finite score. */
    public static int[] of(float[] scores, int k, int[] out) {
        Arrays.fill(out, -1);
        float[] best = new float[k];
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (!(s > best[k - 1])) continue; // also skips NaN and -inf
            int p = k - 1;
            while (p > 0 && s > best[p - 1]) {
                best[p] = best[p - 1];
                out[p] = out[p - 1];
                p--;
            }
            best[p] = s;
            out[p] = i;
        }
        return out;
    }

    public static int[] of(float[] scores, int k) { return of(scores, k, new int[k]); }
}
