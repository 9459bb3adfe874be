package io.aisle.server.recommend;

import io.aisle.core.recommend.Surface;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The default ranker: the weighted sum of each source's scaled score ({@link BlendWeights}). An item several sources
 * agree on rises; its reason and source are those of the largest weighted part.
 */
public final class BlendRanker implements Ranker {
    private static final Comparator<Ranked> BEST = (a, b) -> {
        int c = Double.compare(b.score(), a.score());
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    private final BlendWeights weights;

    public BlendRanker(BlendWeights weights) { this.weights = weights; }

    @Override public String name() { return "blend"; }

    @Override public boolean wants(Surface surface, String source) { return weights.weight(surface, source) > 0; }

    @Override public List<Ranked> rank(CandidatePool pool) {
        double[] w = new double[pool.sources().size()];
        for (int s = 0; s < w.length; s++) w[s] = weights.weight(pool.surface(), pool.sources().get(s));
        List<Ranked> out = new ArrayList<>(pool.entries().size());
        for (CandidatePool.Entry e : pool.entries()) {
            double total = 0, strongest = -1;
            int from = -1;
            for (int s = 0; s < w.length; s++) {
                double part = w[s] * e.scores()[s];
                total += part;
                if (part > strongest && e.reasons()[s] != null) {
                    strongest = part;
                    from = s;
                }
            }
            if (total > 0 && from >= 0) out.add(new Ranked(e.id(), total, e.reasons()[from], pool.sources().get(from)));
        }
        out.sort(BEST);
        return out;
    }
}
