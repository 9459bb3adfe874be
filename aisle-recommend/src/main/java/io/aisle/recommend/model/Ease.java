package io.aisle.recommend.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.aisle.recommend.data.Sequences;
import java.util.Arrays;

/**
 * EASE (Steck 2019): a closed-form item-item linear model, {@code B = I - P diag(1/diag(P))} with
 * {@code P = (XᵀX + λI)⁻¹} over the binary user-item matrix. The dense inverse runs in PyTorch (LAPACK), so its
 * cost is about a minute for 12k items on two cores and its memory is n² floats, held once.
 */
public final class Ease implements ItemScorer {
    private final int n;
    private final float[] weights; // row-major n x n, B[i][j] = weight of history item i for item j

    private Ease(int n, float[] weights) {
        this.n = n;
        this.weights = weights;
    }

    /** The Gram matrix of the binary interaction matrix (co-occurring users per item pair), row-major. */
    public static float[] gram(Sequences data) {
        int n = data.itemCount();
        if ((long) n * n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("EASE needs n² floats; " + n + " items is too many");
        float[] g = new float[n * n];
        for (int u = 0; u < data.users(); u++) {
            int[] distinct = Arrays.stream(data.history(u)).distinct().toArray();
            for (int a : distinct) {
                int row = a * n;
                for (int b : distinct) g[row + b] += 1f;
            }
        }
        return g;
    }

    public static Ease train(Sequences data, double lambda) { return fromGram(gram(data), data.itemCount(), lambda); }

    /** Solves from a precomputed Gram matrix (left unchanged), so several λ values can share one. */
    public static Ease fromGram(float[] gram, int n, double lambda) {
        if (!(lambda > 0)) throw new IllegalArgumentException("lambda must be > 0, got " + lambda);
        float[] p;
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray g = m.create(gram, new Shape(n, n));
            NDArray regularised = g.add(m.eye(n).mul((float) lambda));
            p = regularised.inverse().toFloatArray();
        }
        float[] diag = new float[n];
        for (int j = 0; j < n; j++) diag[j] = p[j * n + j];
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) p[row + j] = i == j ? 0f : -p[row + j] / diag[j];
        }
        return new Ease(n, p);
    }

    @Override public String name() { return "ease"; }

    @Override public void score(int[] history, float[] scores) {
        Arrays.fill(scores, 0f);
        for (int k = 0; k < history.length; k++) {
            int i = history[k];
            boolean repeat = false;
            for (int p = 0; p < k && !repeat; p++) repeat = history[p] == i;
            if (repeat) continue;
            int row = i * n;
            for (int j = 0; j < n; j++) scores[j] += weights[row + j];
        }
    }
}
