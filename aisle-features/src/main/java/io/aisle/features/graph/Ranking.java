package io.aisle.features.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Sums edge weights by neighbour id over a few adjacency lists, then picks the strongest: weight descending, ties by
 * name, non-positive weights left out. Lists are sorted by id, so summing is a merge (no hashing, no boxing), and a
 * bounded heap picks the top {@code k} without sorting everything. Sums run in the order lists were added, so the
 * doubles come out the same on every replay.
 */
final class Ranking {
    private final List<Neighbours> lists = new ArrayList<>(4);
    private int[] looseIds = new int[0];
    private double[] looseWeights = new double[0];
    private int loose;

    /** Adds every edge of {@code n} (may be null). */
    Ranking addAll(Neighbours n) {
        if (n != null && n.size() > 0) lists.add(n);
        return this;
    }

    /** Adds one entry; the caller keeps these ids distinct from each other and from the lists'. */
    Ranking add(int id, double w) {
        if (loose == looseIds.length) {
            looseIds = Arrays.copyOf(looseIds, Math.max(16, loose * 2));
            looseWeights = Arrays.copyOf(looseWeights, looseIds.length);
        }
        looseIds[loose] = id;
        looseWeights[loose++] = w;
        return this;
    }

    /** Calls {@code each} for every summed id: the lists' ids ascending, then the loose entries in order. */
    void forEach(IdWeight each) {
        Summed s = sum();
        for (int i = 0; i < s.size; i++) each.accept(s.ids[i], s.weights[i]);
    }

    /** The {@code k} strongest, decayed by {@code readFactor}, named and turned into records by {@code make}. */
    <T> List<T> top(int k, double readFactor, IntFunction<String> name, Maker<T> make) {
        if (k < 0) throw new IllegalArgumentException("k must not be negative, got " + k);
        Summed s = sum();
        double[] w = s.weights;
        for (int i = 0; i < s.size; i++) w[i] *= readFactor;
        // Min-heap of the best k so far, keyed so the root is the weakest kept (lowest weight, then highest name).
        int[] heap = new int[Math.min(k, s.size)];
        int n = 0;
        for (int i = 0; i < s.size; i++) {
            if (!(w[i] > 0)) continue;
            if (n < heap.length) {
                heap[n] = i;
                up(heap, n++, s, name);
            } else if (n > 0 && better(i, heap[0], s, name)) {
                heap[0] = i;
                down(heap, n, s, name);
            }
        }
        Object[] out = new Object[n];
        for (int slot = n - 1; slot >= 0; slot--) {   // pop weakest first, fill from the back
            int i = heap[0];
            heap[0] = heap[--n];
            down(heap, n, s, name);
            out[slot] = make.make(s.ids[i], w[i]);
        }
        @SuppressWarnings("unchecked") List<T> list = (List<T>) List.of(out);
        return list;
    }

    private Summed sum() {
        int total = loose;
        for (Neighbours l : lists) total += l.size();
        Summed s = new Summed(new int[total], new double[total]);
        if (lists.size() == 1) {
            Neighbours only = lists.getFirst();
            for (int i = 0; i < only.size(); i++) s.append(only.id(i), only.weight(i));
        } else if (!lists.isEmpty()) {
            int[] at = new int[lists.size()];
            while (true) {
                int min = Integer.MAX_VALUE;
                boolean any = false;
                for (int j = 0; j < at.length; j++) {
                    Neighbours l = lists.get(j);
                    if (at[j] < l.size() && (!any || l.id(at[j]) < min)) {
                        min = l.id(at[j]);
                        any = true;
                    }
                }
                if (!any) break;
                double sum = 0;
                for (int j = 0; j < at.length; j++) {
                    Neighbours l = lists.get(j);
                    if (at[j] < l.size() && l.id(at[j]) == min) sum += l.weight(at[j]++);
                }
                s.append(min, sum);
            }
        }
        for (int i = 0; i < loose; i++) s.append(looseIds[i], looseWeights[i]);
        return s;
    }

    /** Whether entry {@code a} ranks before entry {@code b}. */
    private static boolean better(int a, int b, Summed s, IntFunction<String> name) {
        double wa = s.weights[a], wb = s.weights[b];
        if (wa != wb) return wa > wb;
        return name.apply(s.ids[a]).compareTo(name.apply(s.ids[b])) < 0;
    }

    private static void up(int[] heap, int i, Summed s, IntFunction<String> name) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(heap[parent], heap[i], s, name)) break;
            swap(heap, parent, i);
            i = parent;
        }
    }

    private static void down(int[] heap, int n, Summed s, IntFunction<String> name) {
        for (int i = 0; ; ) {
            int worst = i, l = 2 * i + 1, r = l + 1;
            if (l < n && better(heap[worst], heap[l], s, name)) worst = l;
            if (r < n && better(heap[worst], heap[r], s, name)) worst = r;
            if (worst == i) return;
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** Summed entries, in arrays. */
    private static final class Summed {
        final int[] ids;
        final double[] weights;
        int size;

        Summed(int[] ids, double[] weights) {
            this.ids = ids;
            this.weights = weights;
        }

        void append(int id, double w) {
            ids[size] = id;
            weights[size++] = w;
        }
    }

    /** Receives one summed edge. */
    @FunctionalInterface
    interface IdWeight { void accept(int id, double weight); }

    /** Builds a result record from an id and its decayed weight. */
    @FunctionalInterface
    interface Maker<T> { T make(int id, double weight); }
}
