package io.aisle.recommend.neural.twotower;

import java.util.random.RandomGenerator;

/**
 * The item id embeddings, kept in Java and updated lazily: a step hands PyTorch only the rows of its batch's items
 * and applies Adam to those rows from their gradients (as "lazy Adam" does for sparse embeddings). A dense update
 * of the whole table every step cost as much as the rest of the step together.
 */
final class IdTable {
    private final int dimension;
    private final float[] weights;
    private final float[] means;
    private final float[] squares;

    IdTable(int items, int dimension, float scale, RandomGenerator random) {
        this.dimension = dimension;
        this.weights = new float[items * dimension];
        this.means = new float[weights.length];
        this.squares = new float[weights.length];
        for (int i = 0; i < weights.length; i++) weights[i] = (float) random.nextGaussian() * scale;
    }

    /** The rows of {@code items}, concatenated. */
    float[] rows(long[] items) {
        float[] out = new float[items.length * dimension];
        for (int r = 0; r < items.length; r++) System.arraycopy(weights, (int) items[r] * dimension, out, r * dimension, dimension);
        return out;
    }

    /** Adam on the rows of {@code items} whose id was used ({@code used[r] != 0}), from their gradient rows. */
    void adam(long[] items, float[] used, float[] gradient, float stepSize, float beta1, float beta2, float epsilon) {
        for (int r = 0; r < items.length; r++) {
            if (used[r] == 0f) continue;
            int base = (int) items[r] * dimension;
            for (int k = 0; k < dimension; k++) {
                float g = gradient[r * dimension + k];
                int i = base + k;
                means[i] = beta1 * means[i] + (1 - beta1) * g;
                squares[i] = beta2 * squares[i] + (1 - beta2) * g * g;
                weights[i] -= stepSize * means[i] / ((float) Math.sqrt(squares[i]) + epsilon);
            }
        }
    }

    /** A copy of the whole table, row-major. */
    float[] all() { return weights.clone(); }
}
