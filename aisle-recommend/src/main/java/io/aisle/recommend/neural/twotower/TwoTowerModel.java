package io.aisle.recommend.neural.twotower;

import io.aisle.recommend.model.ItemScorer;
import io.aisle.recommend.retrieval.Neighbour;
import io.aisle.recommend.retrieval.VectorIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * A trained two-tower model: one unit vector per item and a shopper tower that turns a history into a unit vector
 * in the same space; the score of an item is the dot product. Scoring runs in plain Java (no native engine), so a
 * loaded model is cheap to share between threads. {@link #retrieve} answers from an HNSW index built on first use,
 * which {@link #close} releases.
 */
public final class TwoTowerModel implements ItemScorer, AutoCloseable {
    private final ItemTower itemTower;
    private final ShopperTower shopperTower;
    private final float[] itemVectors;
    private final int[] itemCounts;
    private final int items;
    private final float[] averageShopper;
    private VectorIndex index;
    private boolean closed;

    TwoTowerModel(ItemTower itemTower, ShopperTower shopperTower, float[] itemVectors, int[] itemCounts) {
        if (itemTower.dimension() != shopperTower.dimension()) {
            throw new IllegalArgumentException("item tower width " + itemTower.dimension() + " differs from shopper tower width " + shopperTower.dimension());
        }
        if (itemVectors.length != itemCounts.length * itemTower.dimension()) {
            throw new IllegalArgumentException("item vectors do not cover " + itemCounts.length + " items of width " + itemTower.dimension());
        }
        this.itemTower = itemTower;
        this.shopperTower = shopperTower;
        this.itemVectors = itemVectors;
        this.itemCounts = itemCounts;
        this.items = itemCounts.length;
        this.averageShopper = averageShopper();
    }

    /** Stands in for a shopper with no history: the popularity-weighted mean item vector. */
    private float[] averageShopper() {
        int d = dimension();
        float[] mean = new float[d];
        for (int i = 0; i < items; i++) {
            float w = itemCounts[i];
            if (w == 0) continue;
            for (int k = 0; k < d; k++) mean[k] += w * itemVectors[i * d + k];
        }
        return Vectors.normalize(mean);
    }

    @Override
    public String name() { return "two-tower"; }

    public int itemCount() { return items; }

    public int dimension() { return itemTower.dimension(); }

    /** Cosine of the shopper vector with every item vector; history items are not excluded (the caller decides). */
    @Override
    public void score(int[] history, float[] scores) {
        Objects.requireNonNull(scores, "scores");
        if (scores.length != items) {
            throw new IllegalArgumentException("scores has length " + scores.length + ", the model has " + items + " items");
        }
        float[] shopper = shopperVector(history);
        for (int i = 0; i < items; i++) scores[i] = Vectors.dot(shopper, itemVectors, i);
    }

    /** The shopper's unit vector from their history in time order (an empty history gets the average shopper). */
    public float[] shopperVector(int[] history) {
        Objects.requireNonNull(history, "history");
        for (int item : history) {
            if (item < 0 || item >= items) {
                throw new IllegalArgumentException("history holds item " + item + " outside 0.." + (items - 1));
            }
        }
        if (history.length == 0) return averageShopper.clone();
        return shopperTower.vector(history, itemVectors);
    }

    /** The unit vector of a known item. */
    public float[] itemVector(int item) {
        if (item < 0 || item >= items) throw new IllegalArgumentException("item " + item + " is outside 0.." + (items - 1));
        int d = dimension();
        return java.util.Arrays.copyOfRange(itemVectors, item * d, (item + 1) * d);
    }

    /**
     * The unit vector of an item nobody has interacted with, from its content alone: attribute ids as in training
     * and its dense content vector (null when it has none, or when the model was trained without vectors).
     */
    public float[] itemVector(int[] attributes, float[] contentVector) {
        return itemTower.vector(null, attributes, contentVector);
    }

    /** A copy of every item's unit vector, indexed by item. */
    public float[][] itemVectors() {
        float[][] out = new float[items][];
        for (int i = 0; i < items; i++) out[i] = itemVector(i);
        return out;
    }

    /** How often each item occurred in training; 0 marks an item placed by content alone. */
    public int trainingCount(int item) {
        if (item < 0 || item >= items) throw new IllegalArgumentException("item " + item + " is outside 0.." + (items - 1));
        return itemCounts[item];
    }

    /**
     * The {@code k} items nearest the shopper's vector by approximate (HNSW) search, best first, leaving out the
     * items already in the history.
     */
    public List<Neighbour> retrieve(int[] history, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        float[] shopper = shopperVector(history);
        BitSet seen = new BitSet(items);
        for (int item : history) seen.set(item);
        return index().nearest(shopper, k, item -> !seen.get(item));
    }

    private synchronized VectorIndex index() {
        if (closed) throw new IllegalStateException("the model is closed");
        if (index == null) {
            VectorIndex built = new VectorIndex(dimension());
            try {
                built.addAll(itemVectors());
            } catch (RuntimeException e) {
                built.close();
                throw e;
            }
            index = built;
        }
        return index;
    }

    /** Writes the model in its binary format (see {@link ModelFile}). */
    public void save(OutputStream out) throws IOException {
        ModelFile.write(out, itemTower, shopperTower, itemVectors, itemCounts);
    }

    /** Reads a model written by {@link #save}. */
    public static TwoTowerModel load(InputStream in) throws IOException {
        return ModelFile.read(in);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (index != null) {
            index.close();
            index = null;
        }
    }
}
