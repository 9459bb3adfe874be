package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Candidates from a trained model over the request's history (the shopper's recent items, the session's items, the
 * product on the page or the cart, oldest first): the seam where trained sequence and two-tower models join the
 * serving path. Items of the history are left out; the rest are taken best first.
 */
public final class ModelSource implements CandidateSource {
    private final String name;
    private final HistoryScorer scorer;
    private final ItemVocabulary vocabulary;
    private final int maxHistory;

    /**
     * @param name       the source's name, shown with each item and used as its blend weight's key (unknown names
     *                   take the {@code model} weight)
     * @param maxHistory most recent history items passed to the model
     */
    public ModelSource(String name, HistoryScorer scorer, ItemVocabulary vocabulary, int maxHistory) {
        this.name = Objects.requireNonNull(name, "name");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        if (maxHistory < 1) throw new IllegalArgumentException("maxHistory must be at least 1, got " + maxHistory);
        this.maxHistory = maxHistory;
    }

    @Override public String name() { return name; }

    @Override public List<Candidate> generate(CandidateContext ctx) {
        List<Integer> known = new ArrayList<>();
        Set<ProductId> seen = new HashSet<>();
        for (ProductId id : ctx.history()) {
            seen.add(id);
            int i = vocabulary.indexOf(id);
            if (i >= 0) known.add(i);
        }
        if (known.isEmpty()) return List.of();
        int[] history = known.subList(Math.max(0, known.size() - maxHistory), known.size()).stream().mapToInt(Integer::intValue).toArray();
        float[] scores = new float[vocabulary.size()];
        scorer.score(history, scores);
        int want = ctx.perSource() * 2;
        PriorityQueue<Integer> top = new PriorityQueue<>(want + 1, (a, b) -> Float.compare(scores[a], scores[b]));
        for (int i = 0; i < scores.length; i++) {
            if (!Float.isFinite(scores[i])) continue;
            if (top.size() < want) top.add(i);
            else if (scores[i] > scores[top.peek()]) {
                top.poll();
                top.add(i);
            }
        }
        Map<ProductId, Double> best = new HashMap<>();
        for (int i : top) {
            ProductId l = ctx.state().listing(vocabulary.id(i));
            if (!seen.contains(l)) best.merge(l, (double) scores[i], Math::max);
        }
        // Model scores may be negative (logits): shift so the weakest kept is just above zero.
        double min = best.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        List<Candidate> out = new ArrayList<>(best.size());
        best.forEach((id, s) -> out.add(new Candidate(id, min < 0 ? s - min + 1e-6 : s, "picked for you")));
        return Sources.top(out, ctx.perSource());
    }
}
