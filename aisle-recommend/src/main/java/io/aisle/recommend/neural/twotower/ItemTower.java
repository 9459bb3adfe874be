package io.aisle.recommend.neural.twotower;

import java.util.Objects;

/**
 * The content half of the trained item tower in plain arrays: attribute embeddings (mean-pooled) plus a linear
 * projection of the dense content vector. With an item's id embedding added and the sum L2-normalised this gives
 * its vector; without one it places an item nobody has interacted with yet.
 *
 * @param attributeEmbeddings {@code attributeCount x dimension}, row-major
 * @param contentWeights      {@code vectorDimension x dimension}, row-major (empty when trained without vectors)
 * @param contentBias         {@code dimension}, added only for items that have a content vector
 */
record ItemTower(int dimension, int attributeCount, int vectorDimension,
                 float[] attributeEmbeddings, float[] contentWeights, float[] contentBias) {

    ItemTower {
        if (attributeEmbeddings.length != attributeCount * dimension
                || contentWeights.length != vectorDimension * dimension || contentBias.length != dimension) {
            throw new IllegalArgumentException("item tower weights do not match dimension " + dimension
                    + ", " + attributeCount + " attributes and content width " + vectorDimension);
        }
    }

    /** The L2-normalised item vector: {@code idPart} (null for none) plus the content part. */
    float[] vector(float[] idPart, int[] attributes, float[] content) {
        float[] e = contentPart(attributes, content);
        if (idPart != null) for (int k = 0; k < dimension; k++) e[k] += idPart[k];
        return Vectors.normalize(e);
    }

    /** Mean of the attribute embeddings plus the projected content vector, not normalised. */
    float[] contentPart(int[] attributes, float[] content) {
        Objects.requireNonNull(attributes, "attributes");
        float[] e = new float[dimension];
        for (int a : attributes) {
            if (a < 0 || a >= attributeCount) {
                throw new IllegalArgumentException("attributes holds " + a + " outside 0.." + (attributeCount - 1));
            }
        }
        if (attributes.length > 0) {
            float share = 1f / attributes.length;
            for (int a : attributes) {
                int row = a * dimension;
                for (int k = 0; k < dimension; k++) e[k] += share * attributeEmbeddings[row + k];
            }
        }
        if (content != null) {
            if (vectorDimension == 0) {
                throw new IllegalArgumentException("contentVector given, but the model was trained without content vectors");
            }
            if (content.length != vectorDimension) {
                throw new IllegalArgumentException("contentVector has length " + content.length + ", the model was trained on " + vectorDimension);
            }
            for (int k = 0; k < dimension; k++) e[k] += contentBias[k];
            for (int c = 0; c < vectorDimension; c++) {
                float x = content[c];
                if (x == 0f) continue;
                int row = c * dimension;
                for (int k = 0; k < dimension; k++) e[k] += x * contentWeights[row + k];
            }
        }
        return e;
    }
}
