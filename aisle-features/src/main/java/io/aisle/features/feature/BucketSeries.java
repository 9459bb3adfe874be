package io.aisle.features.feature;

import java.util.Arrays;

/**
 * Sums per time bucket for sliding windows, kept in one flat {@code double[]} per series (one object, so one cache
 * miss, per series an event touches): {@code [size, bucket0, sum0, bucket1, sum1, ...]}, sorted by bucket index.
 * Sparse: only buckets that received something are stored, and only those within {@code span} buckets of the
 * newest (older ones can never be read again, since reads happen at or after the newest event). So a series holds
 * at most {@code span + 1} entries of 16 bytes.
 */
final class BucketSeries {
    private static final int FIRST_ENTRIES = 2;

    private BucketSeries() {}

    /**
     * Adds {@code value} to bucket {@code b} and returns the array to keep (a new one when it had to grow). A late
     * event lands in its own bucket; one older than every bucket a later read could include is dropped, which is
     * what applying it in time order and pruning would give.
     */
    static double[] add(double[] data, long b, double value, int span) {
        if (data == null) {
            data = new double[1 + 2 * FIRST_ENTRIES];
            return put(data, 0, 0, b, value, span);
        }
        int size = (int) data[0];
        long newest = (long) data[2 * size - 1];
        if (b == newest) {
            data[2 * size] += value;
            return data;
        }
        if (b > newest) {
            long keepFrom = b - span;
            int drop = 0;
            while (drop < size && data[1 + 2 * drop] < keepFrom) drop++;
            if (drop > 0) {
                System.arraycopy(data, 1 + 2 * drop, data, 1, 2 * (size - drop));
                size -= drop;
            }
            return put(data, size, size, b, value, span);
        }
        if (b < newest - span) return data;
        int i = size - 1;
        while (i >= 0 && data[1 + 2 * i] > b) i--;
        if (i >= 0 && data[1 + 2 * i] == b) {
            data[2 + 2 * i] += value;
            return data;
        }
        return put(data, size, i + 1, b, value, span);
    }

    /** Inserts an entry at index {@code at} of {@code size}, growing the array up to {@code span + 1} entries. */
    private static double[] put(double[] data, int size, int at, long b, double value, int span) {
        if (1 + 2 * (size + 1) > data.length) data = Arrays.copyOf(data, 1 + 2 * Math.min(Math.max(FIRST_ENTRIES, size * 2), span + 1));
        System.arraycopy(data, 1 + 2 * at, data, 1 + 2 * (at + 1), 2 * (size - at));
        data[1 + 2 * at] = b;
        data[2 + 2 * at] = value;
        data[0] = size + 1;
        return data;
    }

    /** The sum of the buckets at or after {@code fromBucket}; 0 for no series. */
    static double sumFrom(double[] data, long fromBucket) {
        if (data == null) return 0;
        double s = 0;
        for (int i = (int) data[0] - 1; i >= 0 && data[1 + 2 * i] >= fromBucket; i--) s += data[2 + 2 * i];
        return s;
    }
}
