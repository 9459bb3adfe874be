package io.aisle.recommend.neural.twotower;

import io.aisle.recommend.data.ItemContent;

/**
 * Item content checked against the catalogue and laid out for batches: attribute lists padded to the widest one,
 * and the width of the dense content vectors (0 when there are none).
 */
record ContentTable(ItemContent content, int width, int vectorDimension) {

    static ContentTable of(ItemContent content, int itemCount) {
        if (content.items() != itemCount) {
            throw new IllegalArgumentException("content has " + content.items() + " items, the sequences have " + itemCount);
        }
        int width = 0;
        for (int[] a : content.attributes()) width = Math.max(width, a.length);
        return new ContentTable(content, width, vectorDimension(content));
    }

    /** The one length every present content vector has; rows of other lengths are refused by index. */
    static int vectorDimension(ItemContent content) {
        if (!content.hasVectors()) return 0;
        int dim = 0;
        float[][] vectors = content.vectors();
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] == null) continue;
            if (dim == 0) {
                if (vectors[i].length == 0) throw new IllegalArgumentException("content vectors[" + i + "] is empty");
                dim = vectors[i].length;
            } else if (vectors[i].length != dim) {
                throw new IllegalArgumentException("content vectors[" + i + "] has length " + vectors[i].length + ", other rows have " + dim);
            }
        }
        return dim;
    }

    int attributeCount() { return content.attributeCount(); }

    int[] attributes(int item) { return content.attributes()[item]; }

    /** The item's dense content vector, or null when it has none. */
    float[] vector(int item) { return content.hasVectors() ? content.vectors()[item] : null; }
}
