package io.aisle.recommend.model;

import java.util.Arrays;

/** An item-by-item weight matrix stored row by row, only non-zero entries; rows may be pruned to their top k. */
public final class SparseRows {
    private final int[][] columns;
    private final float[][] values;

    private SparseRows(int[][] columns, float[][] values) {
        this.columns = columns;
        this.values = values;
    }

    /** Rows as stored (a codec's way back in); each row's columns and values have equal length. */
    static SparseRows of(int[][] columns, float[][] values) {
        if (columns.length != values.length) throw new IllegalArgumentException("columns and values must have as many rows");
        for (int r = 0; r < columns.length; r++) {
            if (columns[r].length != values[r].length) throw new IllegalArgumentException("row " + r + ": columns and values differ in length");
        }
        return new SparseRows(columns, values);
    }

    public int rows() { return columns.length; }

    public int[] columns(int row) { return columns[row]; }

    public float[] values(int row) { return values[row]; }

    /** Adds {@code weight * row} into {@code scores}. */
    public void addRow(int row, float weight, float[] scores) {
        int[] c = columns[row];
        float[] v = values[row];
        for (int k = 0; k < c.length; k++) scores[c[k]] += weight * v[k];
    }

    public long nonZeros() {
        long n = 0;
        for (int[] c : columns) n += c.length;
        return n;
    }

    /** Fills one row at a time through a dense scratch row, so building costs the number of entries, not n². */
    public static final class Builder {
        private final int size;
        private final int[][] columns;
        private final float[][] values;
        private final float[] scratch;
        private final int[] touched;
        private final boolean[] seen;
        private int touchedCount;

        public Builder(int size) {
            this.size = size;
            this.columns = new int[size][];
            this.values = new float[size][];
            this.scratch = new float[size];
            this.touched = new int[size];
            this.seen = new boolean[size];
        }

        public void add(int column, float weight) {
            if (!seen[column]) {
                seen[column] = true;
                touched[touchedCount++] = column;
            }
            scratch[column] += weight;
        }

        /** Ends row {@code row}: each entry passes through {@code transform} (column, raw) and the top {@code keep} stay. */
        public void finishRow(int row, EntryTransform transform, int keep) {
            int n = touchedCount;
            int[] cols = Arrays.copyOf(touched, n);
            float[] vals = new float[n];
            int m = 0;
            for (int k = 0; k < n; k++) {
                int c = cols[k];
                float v = transform.apply(c, scratch[c]);
                scratch[c] = 0;
                seen[c] = false;
                if (v > 0 && Float.isFinite(v)) {
                    cols[m] = c;
                    vals[m++] = v;
                }
            }
            touchedCount = 0;
            if (m > keep) {
                int[] order = topOrder(vals, m, keep);
                int[] kc = new int[keep];
                float[] kv = new float[keep];
                for (int k = 0; k < keep; k++) {
                    kc[k] = cols[order[k]];
                    kv[k] = vals[order[k]];
                }
                cols = kc;
                vals = kv;
                m = keep;
            }
            columns[row] = Arrays.copyOf(cols, m);
            values[row] = Arrays.copyOf(vals, m);
        }

        public SparseRows build() {
            for (int r = 0; r < size; r++) {
                if (columns[r] == null) {
                    columns[r] = new int[0];
                    values[r] = new float[0];
                }
            }
            return new SparseRows(columns, values);
        }

        private static int[] topOrder(float[] vals, int m, int keep) {
            Integer[] idx = new Integer[m];
            for (int i = 0; i < m; i++) idx[i] = i;
            Arrays.sort(idx, (a, b) -> Float.compare(vals[b], vals[a]));
            int[] out = new int[keep];
            for (int i = 0; i < keep; i++) out[i] = idx[i];
            return out;
        }
    }

    /** Turns an accumulated raw weight into the stored one (normalisation, shrinkage); non-positive drops the entry. */
    @FunctionalInterface
    public interface EntryTransform { float apply(int column, float raw); }
}
