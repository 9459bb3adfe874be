package io.aisle.recommend.neural.twotower;

/**
 * The trained shopper tower in plain arrays: a softmax over learned recency weights pools the item vectors of the
 * last {@code historyLength} items; that pool and the last item's vector go through a one-hidden-layer MLP whose
 * output is added to the pool and L2-normalised. Mirrors {@link TowerNetwork}'s training graph exactly.
 *
 * @param positionLogits {@code historyLength}; the last entry weighs the most recent item
 * @param w1             {@code 2*dimension x hiddenSize}, row-major; input is [pool, last]
 * @param w2             {@code hiddenSize x dimension}, row-major
 */
record ShopperTower(int dimension, int historyLength, int hiddenSize,
                    float[] positionLogits, float[] w1, float[] b1, float[] w2, float[] b2) {

    ShopperTower {
        if (positionLogits.length != historyLength || w1.length != 2 * dimension * hiddenSize || b1.length != hiddenSize
                || w2.length != hiddenSize * dimension || b2.length != dimension) {
            throw new IllegalArgumentException("shopper tower weights do not match dimension " + dimension
                    + ", history length " + historyLength + " and hidden size " + hiddenSize);
        }
    }

    /** The shopper vector for a non-empty history, reading item vectors from {@code itemVectors} (items x dimension). */
    float[] vector(int[] history, float[] itemVectors) {
        int d = dimension;
        int n = Math.min(history.length, historyLength);
        int from = history.length - n;
        int firstPosition = historyLength - n;
        // Softmax over the positions in use only, as the training mask does.
        float max = Float.NEGATIVE_INFINITY;
        for (int p = firstPosition; p < historyLength; p++) max = Math.max(max, positionLogits[p]);
        double total = 0;
        double[] w = new double[n];
        for (int j = 0; j < n; j++) {
            w[j] = Math.exp(positionLogits[firstPosition + j] - max);
            total += w[j];
        }
        float[] x = new float[2 * d];
        for (int j = 0; j < n; j++) {
            float share = (float) (w[j] / total);
            int row = history[from + j] * d;
            for (int k = 0; k < d; k++) x[k] += share * itemVectors[row + k];
        }
        int last = history[history.length - 1] * d;
        System.arraycopy(itemVectors, last, x, d, d);

        float[] hidden = b1.clone();
        for (int i = 0; i < 2 * d; i++) {
            float xi = x[i];
            int row = i * hiddenSize;
            for (int j = 0; j < hiddenSize; j++) hidden[j] += xi * w1[row + j];
        }
        float[] out = b2.clone();
        for (int k = 0; k < d; k++) out[k] += x[k];
        for (int j = 0; j < hiddenSize; j++) {
            float hj = hidden[j];
            if (hj <= 0) continue;
            int row = j * d;
            for (int k = 0; k < d; k++) out[k] += hj * w2[row + k];
        }
        return Vectors.normalize(out);
    }
}
