package io.aisle.search;

import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchSort;
import io.aisle.search.retrieve.DocOrder;
import io.aisle.search.retrieve.Evidence;
import io.aisle.search.retrieve.FeatureBuilder;
import io.aisle.search.retrieve.Fused;
import io.aisle.search.retrieve.Ranked;
import org.apache.lucene.search.IndexSearcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Puts retrieved documents in their final order. By relevance: the fused list, its head re-scored by the
 * {@link CandidateScorer} when there is one, then nudged by the shopper's affinities when the request asks for it.
 * By price or popularity: every match, sorted on doc values.
 */
final class Ranker {
    private final CandidateScorer scorer;
    private final PersonalAffinity affinity;
    private final FeatureBuilder features;
    private final int rerankDepth;
    private final double personalWeight;

    Ranker(CandidateScorer scorer, PersonalAffinity affinity, FeatureBuilder features, int rerankDepth, double personalWeight) {
        this.scorer = scorer;
        this.affinity = affinity;
        this.features = features;
        this.rerankDepth = rerankDepth;
        this.personalWeight = personalWeight;
    }

    /** The first {@code depth} documents in order; evidence computed on the way is added to {@code evidence}. */
    List<Scored> order(IndexSearcher searcher, SearchRequest request, Prepared prepared, int depth,
                       Map<Integer, Evidence> evidence) {
        Map<Integer, Fused> fused = prepared.fusedByDoc();
        if (request.sort() != SearchSort.RELEVANCE) {
            List<Scored> out = new ArrayList<>();
            for (Ranked r : DocOrder.top(searcher, prepared.retrieval().matches(), request.sort(), depth)) {
                Fused f = fused.get(r.doc());
                out.add(new Scored(r.doc(), f == null ? 0 : f.score(), null, null));
            }
            return out;
        }
        List<Fused> list = prepared.retrieval().fused();
        boolean personal = request.personalize() && request.shopperKey() != null && affinity != null;
        int head = scorer != null || personal ? Math.min(rerankDepth, list.size()) : 0;
        List<Scored> out = new ArrayList<>(Math.min(list.size(), Math.max(depth, head)));
        if (head > 0) {
            List<Integer> docs = list.subList(0, head).stream().map(Fused::doc).toList();
            evidence.putAll(features.build(searcher, prepared.featureQuery(), docs, fused));
            out.addAll(rescore(list.subList(0, head), evidence, personal ? request.shopperKey() : null));
        }
        for (int i = head; i < list.size() && out.size() < depth; i++) out.add(new Scored(list.get(i).doc(), list.get(i).score(), null, null));
        return out.size() <= depth ? out : out.subList(0, depth);
    }

    private List<Scored> rescore(List<Fused> head, Map<Integer, Evidence> evidence, String shopperKey) {
        double[] base = new double[head.size()];
        Double[] rerank = new Double[head.size()];
        for (int i = 0; i < head.size(); i++) {
            Fused f = head.get(i);
            if (scorer != null) {
                double s = scorer.score(evidence.get(f.doc()).features());
                rerank[i] = Double.isFinite(s) ? s : null;
                base[i] = Double.isFinite(s) ? s : Double.NEGATIVE_INFINITY;
            } else {
                base[i] = f.score();
            }
        }
        List<Scored> out = new ArrayList<>(head.size());
        if (shopperKey == null) {
            for (int i = 0; i < head.size(); i++) out.add(new Scored(head.get(i).doc(), base[i], rerank[i], null));
        } else {
            double[] norm = minMax(base);
            java.util.function.ToDoubleFunction<io.aisle.core.catalog.ProductId> taste = affinity.of(shopperKey);
            for (int i = 0; i < head.size(); i++) {
                double a = taste.applyAsDouble(evidence.get(head.get(i).doc()).id());
                double boost = Double.isFinite(a) ? personalWeight * Math.max(-1, Math.min(1, a)) : 0;
                out.add(new Scored(head.get(i).doc(), norm[i] + boost, rerank[i], boost));
            }
        }
        // Stable: equal scores keep the fused order.
        out.sort(Comparator.comparingDouble(Scored::score).reversed());
        return out;
    }

    /** Scores scaled to [0, 1] so a boost means the same whatever the scorer's scale. */
    private static double[] minMax(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (!Double.isFinite(x)) continue;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = !Double.isFinite(v[i]) ? 0 : hi > lo ? (v[i] - lo) / (hi - lo) : 1;
        }
        return out;
    }
}
