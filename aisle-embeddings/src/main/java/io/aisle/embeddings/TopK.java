package io.aisle.embeddings;

import io.aisle.core.catalog.ProductId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Keeps the k best-scoring items seen; ties go to the smaller id so results do not depend on scan order. */
public final class TopK {
    private static final Comparator<Neighbour> WORST_FIRST =
            Comparator.comparingDouble(Neighbour::similarity).thenComparing(Neighbour::id, Comparator.reverseOrder());

    private final int k;
    private final PriorityQueue<Neighbour> heap;

    public TopK(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        this.k = k;
        this.heap = new PriorityQueue<>(k + 1, WORST_FIRST);
    }

    public void offer(ProductId id, double score) {
        if (heap.size() == k) {
            Neighbour worst = heap.peek();
            if (score < worst.similarity() || (score == worst.similarity() && id.compareTo(worst.id()) > 0)) return;
        }
        heap.add(new Neighbour(id, score));
        if (heap.size() > k) heap.poll();
    }

    /** The items kept, best first. */
    public List<Neighbour> best() {
        List<Neighbour> out = new ArrayList<>(heap);
        out.sort(WORST_FIRST.reversed());
        return out;
    }
}
