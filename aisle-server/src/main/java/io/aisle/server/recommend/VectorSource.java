package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.embeddings.Neighbour;
import io.aisle.embeddings.behaviour.BehaviourModel;
import io.aisle.features.graph.ItemScore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Nearest neighbours of the anchors in a vector space: {@link #behaviour()} (implicit-ALS item vectors: bought and
 * viewed by the same shoppers) or {@link #content()} (sentence-encoder vectors of the copy: described alike). Reads
 * the anchors' related lists, which the per-item tier precomputes. In real time, for a shopper, behaviour scans once
 * with the shopper's taste (the anchors' vectors, weighted) instead of once per anchor, and content scans for the
 * strongest anchor only: a scan of every vector costs milliseconds.
 */
public final class VectorSource implements CandidateSource {
    public static final String BEHAVIOUR = "behaviour";
    public static final String CONTENT = "content";

    private final String name;
    private final Function<Related, List<ItemScore>> lists;

    private VectorSource(String name, Function<Related, List<ItemScore>> lists) {
        this.name = name;
        this.lists = lists;
    }

    public static VectorSource behaviour() { return new VectorSource(BEHAVIOUR, Related::behaviour); }

    public static VectorSource content() { return new VectorSource(CONTENT, Related::content); }

    @Override public String name() { return name; }

    @Override public List<Candidate> generate(CandidateContext ctx) {
        if (ctx.anchors().isEmpty()) return List.of();
        if (ctx.mode() == Mode.REALTIME && ctx.personal()) {
            return name.equals(BEHAVIOUR) ? taste(ctx) : strongestAnchor(ctx);
        }
        AnchorTally tally = new AnchorTally();
        for (Anchor a : ctx.anchors()) {
            for (ItemScore s : lists.apply(ctx.related(a))) {
                if (s.weight() > 0) tally.add(s.item(), a, a.weight() * s.weight());
            }
        }
        return tally.top(a -> Reasons.alike(ctx.surface(), a), ctx.perSource());
    }

    /** One scan with the anchors' behaviour vectors summed by weight. */
    private List<Candidate> taste(CandidateContext ctx) {
        Optional<BehaviourModel> model = ctx.state().behaviour();
        if (model.isEmpty()) return List.of();
        float[] q = new float[model.get().dimension()];
        boolean any = false;
        for (Anchor a : ctx.anchors()) {
            Optional<float[]> v = model.get().vector(a.id());
            if (v.isEmpty()) continue;
            any = true;
            for (int d = 0; d < q.length; d++) q[d] += (float) (a.weight() * v.get()[d]);
        }
        if (!any) return List.of();
        double norm = 0;
        for (float x : q) norm += x * x;
        if (norm == 0) return List.of();
        float inv = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < q.length; d++) q[d] *= inv;
        Set<ProductId> mine = new HashSet<>();
        for (Anchor a : ctx.anchors()) mine.add(a.id());
        mine.addAll(ctx.history());
        // The scan tests every item: a set lookup per item, no listing lookup; variants of anchors go when folded.
        List<Neighbour> near = ctx.state().nearestByBehaviour(q, ctx.perSource() * 2, mine);
        List<Candidate> out = fold(ctx, near, id -> Reasons.TASTE);
        out.removeIf(c -> mine.contains(c.id()));
        return out;
    }

    private List<Candidate> strongestAnchor(CandidateContext ctx) {
        Anchor a = ctx.anchors().getFirst();
        String reason = Reasons.alike(ctx.surface(), a);
        return fold(ctx, ctx.state().contentNeighbours(a.id(), ctx.perSource() * 2), id -> reason);
    }

    private static List<Candidate> fold(CandidateContext ctx, List<Neighbour> near, Function<ProductId, String> reason) {
        Map<ProductId, Double> best = new HashMap<>();
        for (Neighbour n : near) if (n.similarity() > 0) best.merge(ctx.state().listing(n.id()), n.similarity(), Math::max);
        List<Candidate> out = new ArrayList<>(best.size());
        best.forEach((id, s) -> out.add(new Candidate(id, s, reason.apply(id))));
        return Sources.top(out, ctx.perSource());
    }
}
