package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.features.graph.ItemScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Small helpers the candidate sources share. */
final class Sources {
    private static final Comparator<Candidate> STRONGEST = (a, b) -> {
        int c = Double.compare(b.score(), a.score());
        return c != 0 ? c : a.id().compareTo(b.id());
    };

    private Sources() {}

    /** The {@code k} strongest candidates. */
    static List<Candidate> top(List<Candidate> list, int k) {
        list.sort(STRONGEST);
        return list.size() <= k ? list : new ArrayList<>(list.subList(0, k));
    }

    /** A ranked list as candidates with one reason each, at most {@code k}. */
    static List<Candidate> of(List<ItemScore> list, int k, Function<ProductId, String> reason) {
        List<Candidate> out = new ArrayList<>(Math.min(k, list.size()));
        for (ItemScore s : list) {
            if (out.size() == k) break;
            out.add(new Candidate(s.item(), s.weight(), reason.apply(s.item())));
        }
        return out;
    }
}
