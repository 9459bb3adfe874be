package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.features.graph.ItemScore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link Snapshot} from every item's heat and the live catalogue; pure apart from reading both. */
final class SnapshotBuilder {
    private static final Comparator<ItemScore> STRONGEST = (a, b) -> {
        int c = Double.compare(b.weight(), a.weight());
        return c != 0 ? c : a.item().compareTo(b.item());
    };
    private static final int PER_CATEGORY_EXPLORE = 20;

    private final int popular;
    private final int perCategory;
    private final int perSegment;
    private final int explorePool;
    private final int rarelyShown;

    /**
     * @param rarelyShown a listing shown (in lists, searches and views) fewer times than this may fill exploration slots
     */
    SnapshotBuilder(int popular, int perCategory, int perSegment, int explorePool, int rarelyShown) {
        this.popular = popular;
        this.perCategory = perCategory;
        this.perSegment = perSegment;
        this.explorePool = explorePool;
        this.rarelyShown = rarelyShown;
    }

    Snapshot build(List<ItemPulse.ItemHeat> heat, LiveCatalogue catalogue, Instant now) {
        // Variants count for their listing, and only listings that can be sold are kept.
        Map<ProductId, double[]> listings = new HashMap<>();
        for (ItemPulse.ItemHeat h : heat) {
            double[] sums = listings.computeIfAbsent(catalogue.listing(h.id()), k -> new double[3]);
            sums[0] += h.popularity();
            sums[1] += h.velocity();
            sums[2] += h.shown();
        }
        List<ItemScore> byPopularity = new ArrayList<>();
        List<ItemScore> byTrend = new ArrayList<>();
        Map<String, List<ItemScore>> categories = new HashMap<>();
        Map<String, List<double[]>> departmentHeat = new HashMap<>();
        Map<String, List<ProductId>> departmentIds = new HashMap<>();
        listings.forEach((id, s) -> {
            LiveCatalogue.Entry e = catalogue.get(id);
            if (e == null || !e.available() || s[0] <= 0) return;
            byPopularity.add(new ItemScore(id, s[0]));
            // Trending: the rate over the last hours above the rate over the last week, in signals per hour.
            if (s[1] > s[0]) byTrend.add(new ItemScore(id, s[1] - s[0]));
            if (!e.categoryPath().isEmpty()) {
                categories.computeIfAbsent(String.join(" > ", e.categoryPath()), k -> new ArrayList<>()).add(new ItemScore(id, s[0]));
                String department = e.categoryPath().getFirst();
                departmentHeat.computeIfAbsent(department, k -> new ArrayList<>()).add(s);
                departmentIds.computeIfAbsent(department, k -> new ArrayList<>()).add(id);
            }
        });
        Map<String, List<ItemScore>> topCategories = new HashMap<>();
        categories.forEach((k, list) -> topCategories.put(k, top(list, perCategory)));
        Map<String, List<ItemScore>> segments = new HashMap<>();
        departmentHeat.forEach((d, sums) -> segments.put(d, blend(departmentIds.get(d), sums)));
        List<ProductId> everyoneIds = new ArrayList<>();
        List<double[]> everyoneHeat = new ArrayList<>();
        for (ItemScore s : byPopularity) {
            everyoneIds.add(s.item());
            everyoneHeat.add(listings.get(s.item()));
        }
        segments.put(Snapshot.EVERYONE, blend(everyoneIds, everyoneHeat));
        List<LiveCatalogue.Entry> rare = explore(catalogue, listings);
        Map<String, List<ProductId>> rareByCategory = new HashMap<>();
        for (LiveCatalogue.Entry e : rare) {
            if (e.categoryPath().isEmpty()) continue;
            List<ProductId> list = rareByCategory.computeIfAbsent(String.join(" > ", e.categoryPath()), k -> new ArrayList<>());
            if (list.size() < PER_CATEGORY_EXPLORE) list.add(e.id());
        }
        return new Snapshot(top(byPopularity, popular), top(byTrend, popular), Map.copyOf(topCategories),
                Map.copyOf(segments), rare.stream().limit(explorePool).map(LiveCatalogue.Entry::id).toList(),
                Map.copyOf(rareByCategory), now);
    }

    /** Popularity and velocity, each scaled to its maximum in the segment, blended 0.7 / 0.3. */
    private List<ItemScore> blend(List<ProductId> ids, List<double[]> sums) {
        double maxPopular = 0, maxVelocity = 0;
        for (double[] s : sums) {
            maxPopular = Math.max(maxPopular, s[0]);
            maxVelocity = Math.max(maxVelocity, s[1]);
        }
        List<ItemScore> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            double[] s = sums.get(i);
            out.add(new ItemScore(ids.get(i), 0.7 * (maxPopular > 0 ? s[0] / maxPopular : 0)
                    + 0.3 * (maxVelocity > 0 ? s[1] / maxVelocity : 0)));
        }
        return top(out, perSegment);
    }

    /** Every available listing shown fewer than {@code rarelyShown} times, newest first. */
    private List<LiveCatalogue.Entry> explore(LiveCatalogue catalogue, Map<ProductId, double[]> listings) {
        List<LiveCatalogue.Entry> rare = new ArrayList<>();
        for (LiveCatalogue.Entry e : catalogue.all()) {
            if (!e.available() || !catalogue.listing(e.id()).equals(e.id())) continue;
            double[] s = listings.get(e.id());
            if (s == null || s[2] < rarelyShown) rare.add(e);
        }
        rare.sort(Comparator.comparing(LiveCatalogue.Entry::addedAt).reversed().thenComparing(LiveCatalogue.Entry::id));
        return rare;
    }

    static List<ItemScore> top(List<ItemScore> list, int k) {
        list.sort(STRONGEST);
        return List.copyOf(list.subList(0, Math.min(k, list.size())));
    }
}
