package io.aisle.server.recommend;

import io.aisle.core.recommend.Surface;
import io.aisle.features.graph.ItemLink;
import io.aisle.features.graph.ItemScore;

import java.util.List;

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
        AnchorTally tally = new AnchorTally();
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
                    tally.add(s.item(), a, a.weight() * kindWeight * s.weight() / top);
                }
            }
        }
        return tally.top(a -> Reasons.related(ctx.surface(), a), ctx.perSource());
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
