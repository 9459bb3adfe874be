package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.features.graph.ItemScore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists that need no history, from the background snapshot (or, for categories in real time, the live graph):
 * {@link #categories()} the most popular in the request's categories, {@link #segment()} the most popular and
 * fastest-rising in the shopper's department (everyone's for a newcomer), {@link #trending()} rising above their
 * usual rate, {@link #popular()} the best sellers overall.
 */
public final class PopularitySource implements CandidateSource {
    public static final String CATEGORY = "category-popular";
    public static final String SEGMENT = "segment";
    public static final String TRENDING = "trending";
    public static final String POPULAR = "popular";
    /** How much the second and third category count against the first. */
    private static final double[] CATEGORY_WEIGHTS = {1.0, 0.7, 0.5};

    private final String name;

    private PopularitySource(String name) { this.name = name; }

    public static PopularitySource categories() { return new PopularitySource(CATEGORY); }

    public static PopularitySource segment() { return new PopularitySource(SEGMENT); }

    public static PopularitySource trending() { return new PopularitySource(TRENDING); }

    public static PopularitySource popular() { return new PopularitySource(POPULAR); }

    @Override public String name() { return name; }

    @Override public List<Candidate> generate(CandidateContext ctx) {
        Snapshot snap = ctx.state().snapshot();
        int k = ctx.perSource();
        return switch (name) {
            case TRENDING -> Sources.of(snap.trending(), k, id -> Reasons.TRENDING);
            case POPULAR -> Sources.of(snap.popular(), k, id -> Reasons.BESTSELLER);
            case SEGMENT -> {
                String reason = ctx.segment().equals(Snapshot.EVERYONE) ? "popular right now" : "popular in " + ctx.segment();
                yield Sources.of(snap.segment(ctx.segment()), k, id -> reason);
            }
            default -> categories(ctx, k);
        };
    }

    private static List<Candidate> categories(CandidateContext ctx, int k) {
        Map<ProductId, Candidate> out = new HashMap<>();
        int n = Math.min(ctx.categories().size(), CATEGORY_WEIGHTS.length);
        for (int i = 0; i < n; i++) {
            List<String> path = ctx.categories().get(i);
            List<ItemScore> list = ctx.state().popularIn(path);
            if (list.isEmpty() || list.getFirst().weight() <= 0) continue;
            double top = list.getFirst().weight();
            String reason = Reasons.popularIn(path);
            for (ItemScore s : list) {
                double score = CATEGORY_WEIGHTS[i] * s.weight() / top;
                Candidate c = out.get(s.item());
                if (c == null || c.score() < score) out.put(s.item(), new Candidate(s.item(), score, reason));
            }
        }
        return Sources.top(new ArrayList<>(out.values()), k);
    }
}
