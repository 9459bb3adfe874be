package io.aisle.recommend.neural.sasrec;

import java.util.List;

/**
 * Histories laid out for the network: right-aligned rows of {@code width} tokens (item index + 1, 0 = padding),
 * so the most recent item always sits in the last column and gets the same position embedding as at serving time.
 *
 * @param rows      histories in the batch
 * @param width     columns, the longest window in the batch (padding only up to it, not to maxLength)
 * @param tokens    rows x width tokens
 * @param keep      rows x width, 1 for a real item and 0 for padding
 * @param attention rows x width x width additive mask: 0 where a query may look at a key (itself or an earlier
 *                  real item), a large negative number elsewhere
 * @param positions flat row*width+column index of every position that predicts a target (training only)
 * @param targets   the item index each of those positions must predict (training only)
 */
record SequenceBatch(int rows, int width, long[] tokens, float[] keep, float[] attention, long[] positions, long[] targets) {

    static final float BLOCKED = -1e9f;

    /**
     * Training rows: each history of two or more items becomes its last {@code maxLength} transitions, every
     * position predicting the item that follows it.
     */
    static SequenceBatch forTraining(List<int[]> histories, int maxLength) {
        int rows = histories.size();
        int width = 0;
        int predictions = 0;
        for (int[] h : histories) {
            int m = Math.min(h.length - 1, maxLength);
            width = Math.max(width, m);
            predictions += m;
        }
        long[] tokens = new long[rows * width];
        long[] positions = new long[predictions];
        long[] targets = new long[predictions];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            int[] h = histories.get(r);
            int m = Math.min(h.length - 1, maxLength);
            int first = h.length - 1 - m;
            int pad = width - m;
            for (int i = 0; i < m; i++) {
                tokens[r * width + pad + i] = h[first + i] + 1L;
                positions[p] = (long) r * width + pad + i;
                targets[p++] = h[first + i + 1];
            }
        }
        return layout(rows, width, tokens, positions, targets);
    }

    /** Scoring rows: the last {@code maxLength} items of each history; an empty history is all padding. */
    static SequenceBatch forScoring(int[][] histories, int maxLength) {
        int rows = histories.length;
        int width = 1;
        for (int[] h : histories) width = Math.max(width, Math.min(h.length, maxLength));
        long[] tokens = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            int[] h = histories[r];
            int m = Math.min(h.length, maxLength);
            for (int i = 0; i < m; i++) tokens[r * width + width - m + i] = h[h.length - m + i] + 1L;
        }
        return layout(rows, width, tokens, new long[0], new long[0]);
    }

    private static SequenceBatch layout(int rows, int width, long[] tokens, long[] positions, long[] targets) {
        float[] keep = new float[rows * width];
        float[] attention = new float[rows * width * width];
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int q = 0; q < width; q++) {
                keep[base + q] = tokens[base + q] != 0 ? 1f : 0f;
                int row = (base + q) * width;
                for (int k = 0; k < width; k++) {
                    // Causal and no padding keys; a padding query keeps itself so its softmax stays defined.
                    boolean visible = k == q || (k < q && tokens[base + k] != 0);
                    attention[row + k] = visible ? 0f : BLOCKED;
                }
            }
        }
        return new SequenceBatch(rows, width, tokens, keep, attention, positions, targets);
    }
}
