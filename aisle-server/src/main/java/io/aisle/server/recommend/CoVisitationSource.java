package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.recommend.Surface;
import io.aisle.features.graph.ItemLink;
import io.aisle.features.graph.ItemScore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Items seen, carted or bought in the same sessions as the anchors (the activity graph's time-decayed co-view,
 * co-cart and co-purchase edges). Each anchor's list is scaled to its strongest edge, so a popular anchor does not
 * drown the others, then weighted by the anchor and by the kind of edge the surface cares about: co-purchase for
 * bought-together and the home feed, co-view for similar items.
 */
public final class CoVisitationSource implements CandidateSource {
    public static final String NAME = "co-visitation";

    @Override public String name() { return NAME; }

    @Override public List<Candidate> generate(CandidateContext ctx) {
        Map<ProductId, double[]> scores = new HashMap<>();
        Map<ProductId, Anchor> best = new HashMap<>();
        for (Anchor a : ctx.anchors()) {
            Related r = ctx.related(a);
            for (ItemLink kind : ItemLink.values()) {
                double kindWeight = weight(ctx.surface(), kind);
                List<ItemScore> list = r.of(kind);
                if (list.isEmpty() || kindWeight == 0) continue;
                double top = list.getFirst().weight();
                if (top <= 0) continue;
                for (ItemScore s : list) {
                    if (s.weight() <= 0) continue;
                    double add = a.weight() * kindWeight * s.weight() / top;
                    double[] sum = scores.computeIfAbsent(s.item(), k -> new double[2]);
                    sum[0] += add;
                    if (add > sum[1]) {
                        sum[1] = add;
                        best.put(s.item(), a);
                    }
                }
            }
        }
        List<Candidate> out = new ArrayList<>(scores.size());
        Map<Anchor, String> reasons = new java.util.IdentityHashMap<>(); // one string per anchor, not per candidate
        scores.forEach((id, s) -> out.add(new Candidate(id, s[0],
                reasons.computeIfAbsent(best.get(id), a -> Reasons.related(ctx.surface(), a)))));
        return Sources.top(out, ctx.perSource());
    }

    /** Edge kind weights per surface. */
    static double weight(Surface surface, ItemLink kind) {
        return switch (surface) {
            case Surface.Home h -> switch (kind) { case CO_VIEW -> 1.0; case CO_CART -> 1.5; case CO_PURCHASE -> 2.0; };
            case Surface.Similar s -> switch (kind) { case CO_VIEW -> 1.0; case CO_CART -> 0.6; case CO_PURCHASE -> 0.3; };
            case Surface.BoughtTogether b -> switch (kind) { case CO_VIEW -> 0.3; case CO_CART -> 1.5; case CO_PURCHASE -> 2.0; };
            case Surface.NextInSession n -> switch (kind) { case CO_VIEW -> 1.0; case CO_CART -> 1.0; case CO_PURCHASE -> 0.5; };
        };
    }
}
