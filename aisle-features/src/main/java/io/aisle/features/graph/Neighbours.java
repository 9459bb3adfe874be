package io.aisle.features.graph;

import java.util.Arrays;

/**
 * A node's capped adjacency: neighbour ids kept sorted, with their weights in a parallel array (12 bytes an edge,
 * arrays grown by doubling up to the cap). Binary search finds an edge in a few steps; inserting shifts at most a cap
 * of entries. Weights are stored scaled to the graph's epoch (see {@link DecayClock}), so they compare directly and
 * adding a signal never touches other edges.
 */
final class Neighbours {
    /** {@link #add} result: the edge existed and was updated. */
    static final int UPDATED = -1;
    /** {@link #add} result: a new edge was created with room to spare. */
    static final int CREATED = -2;
    /** {@link #add} result: the node was full and the new edge not stronger than all kept ones, so it was dropped. */
    static final int REJECTED = -3;

    private int[] ids;
    private double[] weights;
    private int size;

    Neighbours() {
        ids = new int[4];
        weights = new double[4];
    }

    int size() { return size; }

    /** The i-th neighbour, in id order. */
    int id(int i) { return ids[i]; }

    double weight(int i) { return weights[i]; }

    /** The scaled weight to {@code id}, 0 when absent. */
    double get(int id) {
        int i = Arrays.binarySearch(ids, 0, size, id);
        return i < 0 ? 0 : weights[i];
    }

    /**
     * Adds {@code w} to the edge to {@code id}. A new edge goes in while there is room; when {@code cap} edges are
     * kept, it replaces the weakest if stronger than it. Returns {@link #UPDATED}, {@link #CREATED},
     * {@link #REJECTED}, or the id of the evicted neighbour (a new edge was created in its place).
     */
    int add(int id, double w, int cap) { return write(id, w, cap, true); }

    /** Sets the edge to {@code id} to {@code w}, creating it under the same rules as {@link #add}. */
    int put(int id, double w, int cap) { return write(id, w, cap, false); }

    /** Removes the edge to {@code id}; returns whether it was there. */
    boolean remove(int id) {
        int i = Arrays.binarySearch(ids, 0, size, id);
        if (i < 0) return false;
        removeAt(i);
        return true;
    }

    /** Multiplies every weight by {@code factor} (a power of two when the clock rebases, so exact). */
    void scale(double factor) {
        for (int i = 0; i < size; i++) weights[i] *= factor;
    }

    void clear() {
        size = 0;
        if (ids.length > 16) {
            ids = new int[4];
            weights = new double[4];
        }
    }

    /** Bytes held by the arrays, for memory estimates. */
    long bytes() { return 16L + 4L * ids.length + 16L + 8L * weights.length; }

    private int write(int id, double w, int cap, boolean accumulate) {
        int i = Arrays.binarySearch(ids, 0, size, id);
        if (i >= 0) {
            weights[i] = accumulate ? weights[i] + w : w;
            return UPDATED;
        }
        if (size < cap) {
            insertAt(-i - 1, id, w, cap);
            return CREATED;
        }
        if (size == 0) return REJECTED; // a cap of 0
        int weakest = 0;
        double[] ws = weights;
        for (int j = 1, n = size; j < n; j++) if (ws[j] < ws[weakest]) weakest = j;
        if (!(w > ws[weakest])) return REJECTED;
        int evicted = ids[weakest];
        removeAt(weakest);
        insertAt(Arrays.binarySearch(ids, 0, size, id) * -1 - 1, id, w, cap);
        return evicted;
    }

    private void insertAt(int at, int id, double w, int cap) {
        if (size == ids.length) {
            int n = Math.min(Math.max(4, ids.length * 2), cap);
            ids = Arrays.copyOf(ids, n);
            weights = Arrays.copyOf(weights, n);
        }
        System.arraycopy(ids, at, ids, at + 1, size - at);
        System.arraycopy(weights, at, weights, at + 1, size - at);
        ids[at] = id;
        weights[at] = w;
        size++;
    }

    private void removeAt(int i) {
        System.arraycopy(ids, i + 1, ids, i, size - i - 1);
        System.arraycopy(weights, i + 1, weights, i, size - i - 1);
        size--;
    }
}
