package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.recommend.Recommendation;
import io.aisle.core.recommend.Surface;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns a ranked list into what is shown, in this order: only products that can be sold now (live catalogue), not
 * the request's own products, not bought recently (unless their category is a repeat-purchase one); merchant boosts;
 * on the home feed, diversity by maximal marginal relevance over categories and exploration slots; merchant pins.
 */
final class BusinessRules {
    private static final Duration NEW_ARRIVAL = Duration.ofDays(30);
    /** Similarity of two listings for diversity: same leaf category, same department, or neither. */
    private static final double SAME_LEAF = 1.0;
    private static final double SAME_DEPARTMENT = 0.5;

    private final LiveCatalogue catalogue;

    BusinessRules(LiveCatalogue catalogue) { this.catalogue = catalogue; }

    /**
     * What one list needs besides the ranked candidates.
     *
     * @param exclude    listings never shown (the product on the page, the cart, the session's items)
     * @param purchases  listings the shopper bought, with the time (event time, epoch ms)
     * @param eventClock now on the events' clock (epoch ms), for how recent a purchase is
     * @param categories the shopper's categories, strongest first (exploration prefers them)
     * @param seedKey    who the list is for: with the day, it fixes which products fill exploration slots
     */
    record Input(Surface surface, List<Ranked> ranked, Set<ProductId> exclude, Map<ProductId, Long> purchases,
                 long eventClock, List<List<String>> categories, String seedKey, int limit) {}

    private record Scored(ProductId id, double score, String reason, String source, int leaf, int department) {}

    List<Recommendation> apply(Input in, MerchandisingRules rules, Snapshot snapshot, Instant now, LocalDate day) {
        List<Scored> eligible = new ArrayList<>();
        Set<ProductId> taken = new HashSet<>();
        for (Ranked r : in.ranked()) {
            LiveCatalogue.Entry e = catalogue.get(r.id());
            if (!allowed(e, in, rules) || !taken.add(r.id())) continue;
            double score = r.score();
            for (MerchandisingRules.Boost b : rules.boosts()) if (b.matches(e.id(), e.categoryPath(), e.brand())) score *= b.factor();
            eligible.add(new Scored(r.id(), score, r.reason(), r.source(), e.leaf(), e.department()));
        }
        eligible.sort((a, b) -> {
            int c = Double.compare(b.score(), a.score());
            return c != 0 ? c : a.id().compareTo(b.id());
        });
        int slots = in.surface() instanceof Surface.Home ? (int) Math.floor(in.limit() * rules.exploration()) : 0;
        List<Scored> pool = eligible.subList(0, Math.min(eligible.size(), in.limit() * 3 + rules.pins().size()));
        List<Recommendation> out = new ArrayList<>(in.limit() + rules.pins().size());
        // Diversity is for the feed; on the other surfaces products of the same category are the point.
        double diversity = in.surface() instanceof Surface.Home ? rules.diversity() : 0;
        for (Scored s : diverse(pool, in.limit() - slots, diversity)) {
            out.add(new Recommendation(s.id(), s.score(), s.reason(), s.source()));
        }
        if (slots > 0) explore(out, in, rules, snapshot, slots, now, day);
        pin(out, in, rules);
        return out.size() > in.limit() ? List.copyOf(out.subList(0, in.limit())) : out;
    }

    private boolean allowed(LiveCatalogue.Entry e, Input in, MerchandisingRules rules) {
        if (e == null || !e.available() || in.exclude().contains(e.id())) return false;
        Long bought = in.purchases().get(e.id());
        return bought == null || in.eventClock() - bought >= rules.recentlyBought().toMillis() || rules.repeatPurchase(e.categoryPath());
    }

    /** Maximal marginal relevance: each pick trades its score against its likeness to what is already picked. */
    private static List<Scored> diverse(List<Scored> pool, int k, double diversity) {
        if (pool.isEmpty() || k <= 0) return List.of();
        if (diversity == 0) return pool.subList(0, Math.min(k, pool.size()));
        double top = Math.max(pool.getFirst().score(), 1e-12);
        double lambda = 1 - diversity;
        double[] likeness = new double[pool.size()];
        boolean[] used = new boolean[pool.size()];
        List<Scored> out = new ArrayList<>(k);
        while (out.size() < k && out.size() < pool.size()) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pool.size(); i++) {
                if (used[i]) continue;
                double v = lambda * pool.get(i).score() / top - (1 - lambda) * likeness[i];
                if (v > bestValue) {
                    bestValue = v;
                    best = i;
                }
            }
            used[best] = true;
            Scored picked = pool.get(best);
            out.add(picked);
            for (int i = 0; i < pool.size(); i++) if (!used[i]) likeness[i] = Math.max(likeness[i], similarity(picked, pool.get(i)));
        }
        return out;
    }

    private static double similarity(Scored a, Scored b) {
        if (a.leaf() >= 0 && a.leaf() == b.leaf()) return SAME_LEAF;
        if (a.department() >= 0 && a.department() == b.department()) return SAME_DEPARTMENT;
        return 0;
    }

    /**
     * Gives {@code slots} places, spread evenly down the list, to rarely shown products: from the shopper's own
     * categories when the pool has some, the same ones all day for the same shopper.
     */
    private void explore(List<Recommendation> out, Input in, MerchandisingRules rules, Snapshot snapshot, int slots,
                         Instant now, LocalDate day) {
        Set<ProductId> shown = new HashSet<>();
        out.forEach(r -> shown.add(r.product()));
        // Bounded work per request: the pool's part in each of the shopper's categories, and the newest overall.
        List<LiveCatalogue.Entry> preferred = new ArrayList<>();
        for (List<String> path : in.categories()) {
            for (ProductId id : snapshot.exploreIn(path)) {
                LiveCatalogue.Entry e = catalogue.get(id);
                if (allowed(e, in, rules) && !shown.contains(id)) preferred.add(e);
            }
        }
        List<LiveCatalogue.Entry> any = new ArrayList<>();
        List<ProductId> newest = snapshot.explore();
        for (int i = 0; i < Math.min(newest.size(), 100) && any.size() < 50; i++) {
            LiveCatalogue.Entry e = catalogue.get(newest.get(i));
            if (allowed(e, in, rules) && !shown.contains(e.id()) && !preferred.contains(e)) any.add(e);
        }
        if (preferred.isEmpty() && any.isEmpty()) return;
        // Shuffled within each group, the shopper's categories first: the same picks all day for the same key.
        SplittableRandom random = new SplittableRandom(in.seedKey().hashCode() * 31L + day.toEpochDay());
        List<LiveCatalogue.Entry> picks = concat(shuffle(preferred, random), shuffle(any, random));
        for (int i = 0; i < Math.min(slots, picks.size()); i++) {
            LiveCatalogue.Entry e = picks.get(i);
            int position = (int) Math.round((i + 1) * (double) in.limit() / (slots + 1)) - 1;
            String reason = e.addedAt().isAfter(now.minus(NEW_ARRIVAL)) ? Reasons.NEW_ARRIVAL : Reasons.DISCOVER;
            out.add(Math.max(0, Math.min(position, out.size())), new Recommendation(e.id(), 0, reason, "exploration"));
        }
    }

    private static <T> List<T> shuffle(List<T> list, SplittableRandom random) {
        List<T> out = new ArrayList<>(list);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Places each pin of the surface at its position, moving it there if the list already has it. */
    private void pin(List<Recommendation> out, Input in, MerchandisingRules rules) {
        List<MerchandisingRules.Pin> pins = new ArrayList<>();
        for (MerchandisingRules.Pin p : rules.pins()) if (p.appliesTo(in.surface())) pins.add(p);
        pins.sort(Comparator.comparingInt(MerchandisingRules.Pin::position));
        for (MerchandisingRules.Pin p : pins) {
            LiveCatalogue.Entry e = catalogue.get(p.product());
            if (e == null || !e.available() || in.exclude().contains(p.product())) continue;
            out.removeIf(r -> r.product().equals(p.product()));
            out.add(Math.min(p.position() - 1, out.size()), new Recommendation(p.product(), 0, Reasons.FEATURED, "pin"));
        }
    }
}
