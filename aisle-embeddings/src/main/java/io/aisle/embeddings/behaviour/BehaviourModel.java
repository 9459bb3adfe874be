package io.aisle.embeddings.behaviour;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.ModelStore;
import io.aisle.core.port.ModelVersion;
import io.aisle.embeddings.ItemVectors;
import io.aisle.embeddings.Neighbour;
import io.aisle.embeddings.TopK;
import io.aisle.embeddings.VectorArtifact;
import io.aisle.embeddings.Vectors;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Item behaviour vectors: the item factors of implicit ALS trained on the event log, so items bought and viewed by the
 * same shoppers end up close. Immutable; training and fold-in make new instances. {@link #vector} gives unit vectors
 * for similarity; {@link #factor} the raw factors, which {@link #shopperFactor} and {@link #recommend} use.
 *
 * <p>Only item factors are stored (with the shoppers' Gram matrix, an aggregate that fold-in of new items needs):
 * nothing per shopper is kept, so erasure never has to touch a model. A shopper's factor is solved on demand from
 * their signals against the fixed item factors.
 */
public final class BehaviourModel implements ItemVectors {
    public static final String MODEL_NAME = "behaviour-vectors";

    private final List<ProductId> ids;
    private final Map<ProductId, Integer> index;
    private final float[] factors;
    private final float[] units;
    private final int k;
    private final double[] itemFactors;
    private final double[] itemGram;
    private final double[] shopperGram;
    private final AlsParams params;
    private final TrainingInfo info;

    BehaviourModel(List<ProductId> ids, double[] factors, int k, double[] shopperGram, AlsParams params, TrainingInfo info) {
        if ((long) ids.size() * k != factors.length) throw new IllegalArgumentException("factor matrix does not match ids");
        this.ids = List.copyOf(ids);
        this.k = k;
        // Everything derives from the float32 factors that are stored, so a reloaded model equals the trained one.
        this.itemFactors = new double[factors.length];
        for (int j = 0; j < factors.length; j++) itemFactors[j] = (float) factors[j];
        this.shopperGram = shopperGram.clone();
        this.params = params;
        this.info = info;
        this.index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < this.ids.size(); i++) index.put(this.ids.get(i), i);
        this.factors = new float[factors.length];
        this.units = new float[factors.length];
        for (int i = 0; i < this.ids.size(); i++) {
            double norm = 0;
            for (int d = 0; d < k; d++) {
                double f = itemFactors[i * k + d];
                this.factors[i * k + d] = (float) f;
                norm += f * f;
            }
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int d = 0; d < k; d++) units[i * k + d] = (float) (itemFactors[i * k + d] * inv);
        }
        this.itemGram = Als.gram(itemFactors, this.ids.size(), k);
    }

    @Override public int dimension() { return k; }

    @Override public int size() { return ids.size(); }

    /** Items in model order (first seen in training, then folded-in items). */
    @Override public Collection<ProductId> ids() { return ids; }

    @Override public Optional<float[]> vector(ProductId id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(java.util.Arrays.copyOfRange(units, i * k, (i + 1) * k));
    }

    /** The raw item factor; its dot product with a {@link #shopperFactor} predicts preference. */
    public Optional<float[]> factor(ProductId id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(java.util.Arrays.copyOfRange(factors, i * k, (i + 1) * k));
    }

    public AlsParams params() { return params; }

    public TrainingInfo info() { return info; }

    /**
     * Folds a shopper in: solves their factor against the fixed item factors from their signal sums per item (as
     * {@link io.aisle.embeddings.shopper.ShopperVectors#longTermSignals} gives them). Empty when none of the items is
     * in the model.
     */
    public Optional<float[]> shopperFactor(Map<ProductId, Double> signals) {
        int n = 0;
        int[] cols = new int[signals.size()];
        float[] vals = new float[signals.size()];
        for (Map.Entry<ProductId, Double> e : new java.util.TreeMap<>(signals).entrySet()) {
            Integer i = index.get(e.getKey());
            if (i == null || e.getValue() == 0) continue;
            cols[n] = i;
            vals[n] = e.getValue().floatValue();
            n++;
        }
        if (n == 0) return Optional.empty();
        double[] out = new double[k];
        new Als.RowSolver(k, itemGram, params).solve(cols, vals, 0, n, itemFactors, out, 0);
        float[] f = new float[k];
        for (int d = 0; d < k; d++) f[d] = (float) out[d];
        return Optional.of(f);
    }

    /** The {@code n} items with the highest predicted preference for a shopper factor, best first. */
    public List<Neighbour> recommend(float[] shopperFactor, int n, Predicate<ProductId> exclude) {
        TopK top = new TopK(n);
        for (int i = 0; i < ids.size(); i++) {
            ProductId id = ids.get(i);
            if (!exclude.test(id)) top.offer(id, Vectors.dotRow(shopperFactor, factors, i));
        }
        return top.best();
    }

    @Override public List<Neighbour> nearest(float[] query, int n, Predicate<ProductId> exclude) {
        TopK top = new TopK(n);
        for (int i = 0; i < ids.size(); i++) {
            ProductId id = ids.get(i);
            if (!exclude.test(id)) top.offer(id, Vectors.dotRow(query, units, i));
        }
        return top.best();
    }

    /** Stores the model as the next version of {@value #MODEL_NAME}, with its training facts as metadata. */
    public ModelVersion save(ModelStore store) {
        byte[] bytes = new VectorArtifact(k, ids, factors, null, shopperGram).encode();
        return store.save(MODEL_NAME, bytes, metadata());
    }

    /** The latest stored model, if any. */
    public static Optional<BehaviourModel> loadLatest(ModelStore store) {
        return store.latest(MODEL_NAME).map(v -> load(store, v));
    }

    public static BehaviourModel load(ModelStore store, ModelVersion version) {
        VectorArtifact a = VectorArtifact.decode(store.load(version));
        Map<String, String> m = version.metadata();
        AlsParams p = new AlsParams(a.dimension(), Integer.parseInt(m.get("iterations")), Double.parseDouble(m.get("alpha")),
                Double.parseDouble(m.get("lambda")), Long.parseLong(m.get("seed")), Runtime.getRuntime().availableProcessors(),
                Double.parseDouble(m.get("fold_in_limit")));
        TrainingInfo info = new TrainingInfo(Long.parseLong(m.get("events_used")), Integer.parseInt(m.get("shoppers")),
                instant(m.get("cutoff")), instant(m.get("last_event_at")), Long.parseLong(m.get("log_offset")),
                Double.parseDouble(m.get("train_s")), Long.parseLong(m.get("folded_in_events")),
                Integer.parseInt(m.get("folded_in_items")));
        double[] factors = new double[a.matrix().length];
        for (int i = 0; i < factors.length; i++) factors[i] = a.matrix()[i];
        return new BehaviourModel(a.ids(), factors, a.dimension(), a.extras(), p, info);
    }

    Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("algorithm", "als-hkv");
        m.put("dimension", String.valueOf(k));
        m.put("count", String.valueOf(ids.size()));
        m.put("events_used", String.valueOf(info.eventsUsed()));
        m.put("shoppers", String.valueOf(info.shoppers()));
        m.put("cutoff", info.cutoff() == null ? "" : info.cutoff().toString());
        m.put("last_event_at", info.lastEventAt() == null ? "" : info.lastEventAt().toString());
        m.put("log_offset", String.valueOf(info.logOffset()));
        m.put("train_s", String.format(java.util.Locale.ROOT, "%.3f", info.trainSeconds()));
        m.put("folded_in_events", String.valueOf(info.foldedInEvents()));
        m.put("folded_in_items", String.valueOf(info.foldedInItems()));
        m.put("iterations", String.valueOf(params.iterations()));
        m.put("alpha", String.valueOf(params.alpha()));
        m.put("lambda", String.valueOf(params.lambda()));
        m.put("seed", String.valueOf(params.seed()));
        m.put("fold_in_limit", String.valueOf(params.foldInLimit()));
        m.put("format", "avec-1");
        return m;
    }

    // For fold-in: the raw double factors and the shoppers' Gram matrix from the last full training.
    double[] itemFactors() { return itemFactors; }

    double[] itemGram() { return itemGram; }

    double[] shopperGram() { return shopperGram; }

    Map<ProductId, Integer> index() { return index; }

    private static Instant instant(String s) { return s == null || s.isEmpty() ? null : Instant.parse(s); }
}
