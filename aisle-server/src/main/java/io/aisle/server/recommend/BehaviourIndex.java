package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.embeddings.Neighbour;
import io.aisle.embeddings.behaviour.BehaviourModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The behaviour vectors of the most popular listings in one contiguous matrix: what serving scans for vector
 * neighbours. A scan of every item of the model costs milliseconds at 100,000 items; a scan of the popular head
 * (20,000 by default) a fraction of one, and the head is where implicit-ALS neighbours come from anyway. Rebuilt in
 * the background when the vectors or the head change; immutable.
 */
final class BehaviourIndex {
    private final BehaviourModel model;
    private final ProductId[] ids;
    /** Dimension-major: {@code columns[d][i]} is component d of listing i, so a scan is {@code dim} AXPY passes. */
    private final float[][] columns;
    private final int dim;

    private BehaviourIndex(BehaviourModel model, ProductId[] ids, float[][] columns) {
        this.model = model;
        this.ids = ids;
        this.columns = columns;
        this.dim = model.dimension();
    }

    /** The listings (in order) that have a vector in the model. */
    static BehaviourIndex build(BehaviourModel model, List<ProductId> listings) {
        int dim = model.dimension();
        List<ProductId> kept = new ArrayList<>(listings.size());
        List<float[]> vectors = new ArrayList<>(listings.size());
        for (ProductId id : listings) {
            Optional<float[]> v = model.vector(id);
            if (v.isEmpty()) continue;
            kept.add(id);
            vectors.add(v.get());
        }
        float[][] columns = new float[dim][kept.size()];
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            for (int d = 0; d < dim; d++) columns[d][i] = v[d];
        }
        return new BehaviourIndex(model, kept.toArray(ProductId[]::new), columns);
    }

    BehaviourModel model() { return model; }

    int size() { return ids.length; }

    /** The {@code k} listings nearest to a unit query by cosine, best first, skipping {@code exclude}. */
    List<Neighbour> nearest(float[] q, int k, Set<ProductId> exclude) {
        if (q.length != dim || k < 1) return List.of();
        // All dot products at once, one dimension at a time: a loop the JIT turns into SIMD.
        int n = ids.length;
        float[] dots = new float[n];
        for (int d = 0; d < dim; d++) {
            float c = q[d];
            if (c == 0) continue;
            float[] column = columns[d];
            for (int i = 0; i < n; i++) dots[i] += c * column[i];
        }
        // A min-heap of the best k so far, in two primitive arrays: no object per item scanned.
        double[] score = new double[k];
        int[] row = new int[k];
        int size = 0;
        for (int i = 0; i < n; i++) {
            double s = dots[i];
            if (size == k && s <= score[0]) continue;
            if (exclude.contains(ids[i])) continue;
            if (size < k) {
                score[size] = s;
                row[size] = i;
                siftUp(score, row, size++);
            } else {
                score[0] = s;
                row[0] = i;
                siftDown(score, row, size);
            }
        }
        List<Neighbour> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) out.add(new Neighbour(ids[row[i]], score[i]));
        out.sort((a, b) -> a.similarity() != b.similarity() ? Double.compare(b.similarity(), a.similarity()) : a.id().compareTo(b.id()));
        return out;
    }

    /** The {@code k} listings nearest to a product's vector, itself left out; empty when it has none. */
    List<Neighbour> similar(ProductId id, int k) {
        return model.vector(id).map(v -> nearest(v, k, Set.of(id))).orElse(List.of());
    }

    private static void siftUp(double[] s, int[] r, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (s[parent] <= s[i]) return;
            swap(s, r, i, parent);
            i = parent;
        }
    }

    private static void siftDown(double[] s, int[] r, int size) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1, smallest = i;
            if (left < size && s[left] < s[smallest]) smallest = left;
            if (left + 1 < size && s[left + 1] < s[smallest]) smallest = left + 1;
            if (smallest == i) return;
            swap(s, r, i, smallest);
            i = smallest;
        }
    }

    private static void swap(double[] s, int[] r, int a, int b) {
        double t = s[a];
        s[a] = s[b];
        s[b] = t;
        int u = r[a];
        r[a] = r[b];
        r[b] = u;
    }
}
