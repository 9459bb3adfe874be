package io.aisle.bench;

import java.util.Arrays;

/** Collects request latencies from many threads and reports percentiles; bounded memory (reservoir of samples). */
public final class LatencyRecorder {
    private final long[] samples;
    private int size;
    private long seen;
    private final java.util.SplittableRandom random = new java.util.SplittableRandom(42);

    public LatencyRecorder(int capacity) { this.samples = new long[capacity]; }

    /** Records one latency in nanoseconds. */
    public synchronized void record(long nanos) {
        seen++;
        if (size < samples.length) {
            samples[size++] = nanos;
        } else {
            long slot = random.nextLong(seen);
            if (slot < samples.length) samples[(int) slot] = nanos;
        }
    }

    public synchronized long count() { return seen; }

    /** The latency at quantile {@code q} (0..1), in milliseconds. */
    public synchronized double percentileMs(double q) {
        if (size == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
