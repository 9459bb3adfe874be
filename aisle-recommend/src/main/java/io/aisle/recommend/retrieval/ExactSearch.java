package io.aisle.recommend.retrieval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * Brute-force nearest neighbours by cosine similarity: the reference an approximate index is measured against,
 * and fast enough on its own for small catalogues. Row {@code i} of the vectors is item {@code i}.
 */
public final class ExactSearch {
    private final int dimension;
    private final float[][] vectors;

    public ExactSearch(float[][] vectors) {
        Objects.requireNonNull(vectors, "vectors");
        if (vectors.length == 0) throw new IllegalArgumentException("vectors must hold at least one row");
        this.dimension = Objects.requireNonNull(vectors[0], "vectors[0]").length;
        this.vectors = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) this.vectors[i] = UnitVectors.of("vectors[" + i + "]", vectors[i], dimension);
    }

    public int size() { return vectors.length; }

    /** The {@code k} items most similar to {@code query}, best first. */
    public List<Neighbour> nearest(float[] query, int k) {
        return nearest(query, k, item -> true);
    }

    /** The {@code k} allowed items most similar to {@code query}, best first (ties by lower item index). */
    public List<Neighbour> nearest(float[] query, int k, IntPredicate allowed) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        Objects.requireNonNull(allowed, "allowed");
        float[] q = UnitVectors.of("query", query, dimension);
        PriorityQueue<Neighbour> worstFirst = new PriorityQueue<>(k + 1, ExactSearch::worseFirst);
        for (int i = 0; i < vectors.length; i++) {
            if (!allowed.test(i)) continue;
            float[] v = vectors[i];
            float s = 0;
            for (int j = 0; j < dimension; j++) s += q[j] * v[j];
            worstFirst.add(new Neighbour(i, s));
            if (worstFirst.size() > k) worstFirst.poll();
        }
        List<Neighbour> out = new ArrayList<>(worstFirst);
        out.sort(Collections.reverseOrder(ExactSearch::worseFirst));
        return out;
    }

    private static int worseFirst(Neighbour a, Neighbour b) {
        int c = Float.compare(a.score(), b.score());
        return c != 0 ? c : Integer.compare(b.item(), a.item());
    }
}
