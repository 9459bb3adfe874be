package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.recommend.model.SparseRows;
import io.aisle.recommend.model.Transitions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Candidates from the trained transition model: the stored successors of the request's last few history items,
 * the most recent weighing most, exactly as the model scores offline, but reading only those rows (a few hundred
 * entries) instead of scoring the whole catalogue. The reason names the history item that contributed most.
 */
final class TransitionSource implements CandidateSource {
    private final String name;
    private final Transitions model;
    private final ItemVocabulary vocabulary;

    TransitionSource(String name, Transitions model, ItemVocabulary vocabulary) {
        this.name = Objects.requireNonNull(name, "name");
        this.model = Objects.requireNonNull(model, "model");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    @Override public String name() { return name; }

    @Override public List<Candidate> generate(CandidateContext ctx) {
        List<ProductId> history = ctx.history();
        if (history.isEmpty()) return List.of();
        Set<ProductId> seen = new HashSet<>(history);
        SparseRows links = model.links();
        Map<Integer, double[]> scores = new HashMap<>(); // item -> {sum, best contribution, history position}
        float w = 1f;
        int used = 0;
        for (int k = history.size() - 1; k >= 0 && used < model.config().lastItems(); k--) {
            int row = vocabulary.indexOf(history.get(k));
            if (row < 0) continue; // an item newer than the model: the other sources cover it
            int[] cols = links.columns(row);
            float[] vals = links.values(row);
            for (int e = 0; e < cols.length; e++) {
                double add = w * vals[e];
                double[] s = scores.computeIfAbsent(cols[e], c -> new double[3]);
                s[0] += add;
                if (add > s[1]) {
                    s[1] = add;
                    s[2] = k;
                }
            }
            w *= (float) model.config().recency();
            used++;
        }
        Map<Integer, String> reasons = new HashMap<>();
        List<Candidate> out = new ArrayList<>(scores.size());
        scores.forEach((item, s) -> {
            ProductId l = ctx.state().listing(vocabulary.id(item));
            if (seen.contains(l)) return;
            int from = (int) s[2];
            out.add(new Candidate(l, s[0], reasons.computeIfAbsent(from, i -> reason(ctx, history.get(i)))));
        });
        return Sources.top(out, ctx.perSource());
    }

    private static String reason(CandidateContext ctx, ProductId from) {
        for (Anchor a : ctx.anchors()) if (a.id().equals(from)) return Reasons.because(a);
        return Reasons.because(new Anchor(from, 1, ctx.state().title(from), ItemPulse.Verb.VIEWED));
    }
}
