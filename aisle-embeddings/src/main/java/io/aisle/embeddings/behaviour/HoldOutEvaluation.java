package io.aisle.embeddings.behaviour;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.event.SignalWeights;
import io.aisle.embeddings.IdentityLinks;
import io.aisle.embeddings.Neighbour;
import io.aisle.embeddings.TopK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Leave-last-out evaluation of behaviour vectors beside a popularity baseline computed in the same run: for a sample
 * of shoppers, the item of their last positive signal is held out (every event of theirs about it is dropped), the
 * model is trained on the rest, and each system ranks all items the shopper has not touched. A hit is the held-out
 * item in the top k. The shopper's factor is folded in from their remaining signals ({@link BehaviourModel#shopperFactor}).
 * The events are read three times, so the supplier must give the same stream each time.
 */
public final class HoldOutEvaluation {

    /** Hit rate and NDCG at k for ALS and for popularity, over the same shoppers. */
    public record Result(int k, int shoppers, double hitRate, double ndcg, double popularityHitRate,
                         double popularityNdcg, BehaviourModel model) {}

    private final BehaviourTrainer trainer;
    private final SignalWeights weights;
    private final int k;
    private final int maxShoppers;
    private final int minSignals;

    /**
     * @param maxShoppers shoppers evaluated, drawn at random (seeded by the trainer's seed) among those eligible
     * @param minSignals  positive item events a shopper needs, held-out one included, to be eligible
     */
    public HoldOutEvaluation(BehaviourTrainer trainer, SignalWeights weights, int k, int maxShoppers, int minSignals) {
        if (k < 1 || maxShoppers < 1 || minSignals < 2) throw new IllegalArgumentException("need k >= 1, maxShoppers >= 1, minSignals >= 2");
        this.trainer = trainer;
        this.weights = weights;
        this.k = k;
        this.maxShoppers = maxShoppers;
        this.minSignals = minSignals;
    }

    public Result run(Supplier<Stream<ShopperEvent>> events) {
        // Pass 1: identity links and each actor key's last positive item.
        IdentityLinks links = new IdentityLinks();
        Map<String, ShopperEvent> lastPositive = new HashMap<>();
        Map<String, Integer> positives = new HashMap<>();
        try (Stream<ShopperEvent> s = events.get()) {
            s.forEach(e -> {
                links.observe(e.actor());
                if (weights.weight(e) <= 0 || e.items().isEmpty()) return;
                lastPositive.merge(e.actor().key(), e, (a, b) -> b.timestamp().isBefore(a.timestamp()) ? a : b);
                positives.merge(e.actor().key(), 1, Integer::sum);
            });
        }
        Map<String, ShopperEvent> lastOfShopper = new TreeMap<>();
        Map<String, Integer> countOfShopper = new HashMap<>();
        lastPositive.forEach((key, e) -> lastOfShopper.merge(links.canonical(key), e,
                (a, b) -> b.timestamp().isBefore(a.timestamp()) ? a : b));
        positives.forEach((key, n) -> countOfShopper.merge(links.canonical(key), n, Integer::sum));
        List<String> eligible = new ArrayList<>();
        lastOfShopper.forEach((key, e) -> { if (countOfShopper.get(key) >= minSignals) eligible.add(key); });
        SplittableRandom random = new SplittableRandom(trainer.params().seed());
        for (int i = eligible.size() - 1; i > 0; i--) java.util.Collections.swap(eligible, i, random.nextInt(i + 1));
        Map<String, ProductId> heldOut = new HashMap<>();
        for (String key : eligible.subList(0, Math.min(maxShoppers, eligible.size()))) {
            heldOut.put(key, lastOfShopper.get(key).items().getFirst().itemId());
        }

        // Pass 2: the evaluated shoppers' remaining signals, and item popularity, from the training events.
        Map<String, Map<ProductId, Double>> signals = new HashMap<>();
        Map<ProductId, Double> popularity = new HashMap<>();
        try (Stream<ShopperEvent> s = events.get()) {
            s.filter(e -> kept(e, links, heldOut)).forEach(e -> {
                double w = weights.weight(e);
                if (w == 0) return;
                String key = links.canonical(e.actor());
                for (EventItem item : e.items()) {
                    if (w > 0) popularity.merge(item.itemId(), w, Double::sum);
                    if (heldOut.containsKey(key)) signals.computeIfAbsent(key, x -> new HashMap<>()).merge(item.itemId(), w, Double::sum);
                }
            });
        }

        // Pass 3: training on the same filtered events.
        BehaviourModel model;
        try (Stream<ShopperEvent> s = events.get()) {
            model = trainer.train(() -> s.filter(e -> kept(e, links, heldOut)).iterator(), null);
        }

        List<Neighbour> popular = popularTop(popularity, k + 200);
        int hits = 0, popHits = 0;
        double ndcg = 0, popNdcg = 0;
        for (Map.Entry<String, ProductId> h : new TreeMap<>(heldOut).entrySet()) {
            Map<ProductId, Double> seen = signals.getOrDefault(h.getKey(), Map.of());
            Optional<float[]> factor = model.shopperFactor(seen);
            if (factor.isPresent()) {
                int rank = rankOf(model.recommend(factor.get(), k, seen::containsKey), h.getValue());
                if (rank >= 0) { hits++; ndcg += 1 / log2(rank + 2); }
            }
            List<Neighbour> pop = popular.stream().filter(n -> !seen.containsKey(n.id())).limit(k).toList();
            int rank = rankOf(pop, h.getValue());
            if (rank >= 0) { popHits++; popNdcg += 1 / log2(rank + 2); }
        }
        int n = Math.max(1, heldOut.size());
        return new Result(k, heldOut.size(), (double) hits / n, ndcg / n, (double) popHits / n, popNdcg / n, model);
    }

    private static boolean kept(ShopperEvent e, IdentityLinks links, Map<String, ProductId> heldOut) {
        ProductId out = heldOut.get(links.canonical(e.actor()));
        if (out == null) return true;
        for (EventItem item : e.items()) if (item.itemId().equals(out)) return false;
        return true;
    }

    private static List<Neighbour> popularTop(Map<ProductId, Double> popularity, int n) {
        TopK top = new TopK(n);
        popularity.forEach(top::offer);
        return top.best();
    }

    private static int rankOf(List<Neighbour> ranked, ProductId target) {
        for (int i = 0; i < ranked.size(); i++) if (ranked.get(i).id().equals(target)) return i;
        return -1;
    }

    private static double log2(double x) { return Math.log(x) / Math.log(2); }
}
