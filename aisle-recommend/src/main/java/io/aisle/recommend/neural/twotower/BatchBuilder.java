package io.aisle.recommend.neural.twotower;

import io.aisle.recommend.data.Sequences;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Cuts training events (a history position and the item that followed it) into {@link Batch}es. */
final class BatchBuilder {
    /** Masks a logit out of the softmax without producing infinities in the gradient. */
    static final float MASKED = -1e9f;

    private final Sequences training;
    private final ContentTable table;
    private final int historyLength;
    private final double idDropout;
    private final float[] logQ;
    private final RandomGenerator random;
    private final int[] slot;
    private final int[] stamp;
    private int generation;

    BatchBuilder(Sequences training, ContentTable table, int historyLength, double idDropout, float[] logQ, RandomGenerator random) {
        this.training = training;
        this.table = table;
        this.historyLength = historyLength;
        this.idDropout = idDropout;
        this.logQ = logQ;
        this.random = random;
        this.slot = new int[training.itemCount()];
        this.stamp = new int[training.itemCount()];
    }

    /** Every (user, position) whose position has at least one item before it, packed as user << 32 | position. */
    static long[] events(Sequences training) {
        int n = 0;
        for (int[] h : training.histories()) n += Math.max(0, h.length - 1);
        long[] events = new long[n];
        int e = 0;
        for (int u = 0; u < training.users(); u++) {
            for (int t = 1; t < training.history(u).length; t++) events[e++] = ((long) u << 32) | t;
        }
        return events;
    }

    Batch build(long[] events, int from, int to) {
        generation++;
        int b = to - from;
        int n = historyLength;
        long[] history = new long[b * n];
        float[] historyMask = new float[b * n];
        long[] targets = new long[b];
        int[] targetItems = new int[b];
        int[] distinct = new int[Math.min(training.itemCount(), b * (n + 1))];
        int count = 0;
        for (int e = 0; e < b; e++) {
            long event = events[from + e];
            int[] h = training.history((int) (event >>> 32));
            int t = (int) event;
            int start = Math.max(0, t - n);
            int offset = n - (t - start);
            for (int j = start; j < t; j++) {
                int item = h[j];
                if (stamp[item] != generation) {
                    stamp[item] = generation;
                    slot[item] = count;
                    distinct[count++] = item;
                }
                history[e * n + offset + j - start] = slot[item];
                historyMask[e * n + offset + j - start] = 1f;
            }
            int target = h[t];
            if (stamp[target] != generation) {
                stamp[target] = generation;
                slot[target] = count;
                distinct[count++] = target;
            }
            targets[e] = slot[target];
            targetItems[e] = target;
        }
        return new Batch(b, items(distinct, count), keepId(count), attributeRows(distinct, count), attributeShares(distinct, count),
                content(distinct, count), hasContent(distinct, count), history, historyMask, targets,
                targetLogQ(targetItems), duplicates(targetItems));
    }

    private static long[] items(int[] distinct, int count) {
        long[] items = new long[count];
        for (int i = 0; i < count; i++) items[i] = distinct[i];
        return items;
    }

    private float[] keepId(int count) {
        float[] keep = new float[count];
        for (int i = 0; i < count; i++) keep[i] = random.nextDouble() < idDropout ? 0f : 1f;
        return keep;
    }

    private long[] attributeRows(int[] distinct, int count) {
        int w = table.width();
        long[] rows = new long[count * w];
        Arrays.fill(rows, table.attributeCount()); // the pad row
        for (int i = 0; i < count; i++) {
            int[] a = table.attributes(distinct[i]);
            for (int j = 0; j < a.length; j++) rows[i * w + j] = a[j];
        }
        return rows;
    }

    private float[] attributeShares(int[] distinct, int count) {
        int w = table.width();
        float[] shares = new float[count * w];
        for (int i = 0; i < count; i++) {
            int[] a = table.attributes(distinct[i]);
            for (int j = 0; j < a.length; j++) shares[i * w + j] = 1f / a.length;
        }
        return shares;
    }

    private float[] content(int[] distinct, int count) {
        int c = table.vectorDimension();
        if (c == 0) return null;
        float[] content = new float[count * c];
        for (int i = 0; i < count; i++) {
            float[] v = table.vector(distinct[i]);
            if (v != null) System.arraycopy(v, 0, content, i * c, c);
        }
        return content;
    }

    private float[] hasContent(int[] distinct, int count) {
        if (table.vectorDimension() == 0) return null;
        float[] has = new float[count];
        for (int i = 0; i < count; i++) has[i] = table.vector(distinct[i]) != null ? 1f : 0f;
        return has;
    }

    private float[] targetLogQ(int[] targetItems) {
        float[] q = new float[targetItems.length];
        for (int e = 0; e < q.length; e++) q[e] = logQ[targetItems[e]];
        return q;
    }

    private static float[] duplicates(int[] targetItems) {
        int b = targetItems.length;
        float[] mask = new float[b * b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                if (i != j && targetItems[i] == targetItems[j]) mask[i * b + j] = MASKED;
            }
        }
        return mask;
    }
}
