package io.aisle.features.feature;

/**
 * The aggregation state of one entity, laid out by its kind's {@link Layout}: plain and decayed sums, times
 * (latest events, decay references: epoch milliseconds, exact in a double), sliding-window series and distinct
 * sets, the last two created on first use. Few objects on purpose: an event touches several entities, and each
 * object is a likely cache miss. Guarded by the lock of the entity (items) or of the owning shopper.
 */
final class EntityState {
    /** The time of something that never happened. */
    static final double NEVER = Double.NEGATIVE_INFINITY;
    // Shared empty arrays: a shopper's brand has no series or sets, and there are many of them.
    private static final double[] NO_CELLS = {};
    private static final double[][] NO_SERIES = {};
    private static final long[][] NO_SETS = {};

    /** Sums and decayed sums, then times. */
    final double[] cells;
    final double[][] series;
    final long[][] sets;

    EntityState(Layout layout) {
        cells = layout.cellCount() == 0 ? NO_CELLS : new double[layout.cellCount()];
        for (int i : layout.timeCells()) cells[i] = NEVER;
        series = layout.seriesCount() == 0 ? NO_SERIES : new double[layout.seriesCount()][];
        sets = layout.setCount() == 0 ? NO_SETS : new long[layout.setCount()][];
    }

    /** Approximate bytes held (object headers and arrays, no padding), for memory reports. */
    long bytes() {
        long b = 24 + (cells.length == 0 ? 0 : 16 + 8L * cells.length) + (series.length == 0 ? 0 : 16 + 4L * series.length)
                + (sets.length == 0 ? 0 : 16 + 4L * sets.length);
        for (double[] s : series) if (s != null) b += 16 + 8L * s.length;
        for (long[] s : sets) if (s != null) b += 16 + 8L * s.length;
        return b;
    }
}
