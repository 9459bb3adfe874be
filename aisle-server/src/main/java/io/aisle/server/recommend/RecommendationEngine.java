package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.NotFoundException;
import io.aisle.core.recommend.Recommendation;
import io.aisle.core.recommend.Surface;
import io.aisle.features.graph.CategoryScore;
import io.aisle.features.graph.ItemScore;
import io.aisle.features.session.SessionSummary;
import io.aisle.server.derived.Personalization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One list, computed: reads what the surface is about (the shopper's recent items and categories from the live
 * graph, the product, the cart, the session), asks every source the ranker wants, ranks the pool and applies the
 * business rules. Stateless between calls; thread-safe.
 */
final class RecommendationEngine {
    private static final Logger log = LoggerFactory.getLogger(RecommendationEngine.class);
    /** A recent item counts half after a day: what the shopper did this morning leads the feed. */
    private static final Duration ANCHOR_HALF_LIFE = Duration.ofDays(1);
    private static final int MAX_ANCHORS = 8;
    private static final int MAX_CART_ANCHORS = 10;
    /** Vector scans in real time are bounded: one per anchor costs milliseconds. */
    private static final int LIVE_VECTOR_ANCHORS = 3;

    private final Personalization personalization;
    private final ItemPulse pulse;
    private final LiveCatalogue catalogue;
    private final ServingState state;
    private final BusinessRules rules;
    private final Duration activeWindow;

    RecommendationEngine(Personalization personalization, ItemPulse pulse, LiveCatalogue catalogue, ServingState state,
                         Duration activeWindow) {
        this.personalization = personalization;
        this.pulse = pulse;
        this.catalogue = catalogue;
        this.state = state;
        this.rules = new BusinessRules(catalogue);
        this.activeWindow = activeWindow;
    }

    /** What a computed list is, and how it was computed. */
    record Outcome(List<Recommendation> items, Mode mode) {}

    /** The surface as sources see it, before sources run. */
    private record Frame(Mode mode, String actor, List<Anchor> anchors, List<ProductId> history, List<List<String>> categories,
                         String segment, Set<ProductId> exclude, Map<ProductId, Long> purchases, long eventClock) {}

    Outcome compute(Surface surface, int limit, boolean fresh, String actor, RecommenderModels models,
                    MerchandisingRules merchandising, Snapshot snapshot, Instant now) {
        Frame f = switch (surface) {
            case Surface.Home h -> home(actor, fresh);
            case Surface.Similar s -> similar(s, fresh);
            case Surface.BoughtTogether b -> boughtTogether(b, fresh);
            case Surface.NextInSession n -> next(actor, n.sessionId());
        };
        int perSource = Math.max(30, limit * 2);
        CandidateContext ctx = new CandidateContext(surface, f.mode(), f.actor(), f.anchors(), f.history(), f.categories(),
                f.segment(), perSource, relatedOf(surface, f), state);
        CandidatePool pool = pool(ctx, models);
        List<Ranked> ranked = models.ranker().rank(pool);
        BusinessRules.Input input = new BusinessRules.Input(surface, ranked, f.exclude(), f.purchases(), f.eventClock(),
                f.categories(), f.actor() == null ? surface.toString() : f.actor(), limit);
        List<Recommendation> items = rules.apply(input, merchandising, snapshot, now, LocalDate.ofInstant(now, ZoneOffset.UTC));
        return new Outcome(items, f.mode());
    }

    private CandidatePool pool(CandidateContext ctx, RecommenderModels models) {
        List<String> names = new ArrayList<>();
        List<List<Candidate>> lists = new ArrayList<>();
        for (CandidateSource source : models.sources()) {
            if (!models.ranker().wants(ctx.surface(), source.name())) continue;
            try {
                List<Candidate> list = source.generate(ctx);
                names.add(source.name());
                lists.add(list);
            } catch (RuntimeException e) {
                // One broken source (a model that failed to load its weights) must not empty the list.
                log.atWarn().setCause(e).addKeyValue("source", source.name()).log("candidate source failed");
            }
        }
        int total = 0;
        for (List<Candidate> list : lists) total += list.size();
        Map<ProductId, CandidatePool.Entry> entries = new LinkedHashMap<>(total * 2);
        for (int s = 0; s < lists.size(); s++) {
            double top = 0;
            for (Candidate c : lists.get(s)) top = Math.max(top, c.score());
            if (top <= 0) continue;
            for (Candidate c : lists.get(s)) {
                if (c.score() <= 0) continue;
                CandidatePool.Entry e = entries.computeIfAbsent(c.id(),
                        id -> new CandidatePool.Entry(id, new double[names.size()], new String[names.size()]));
                e.scores()[s] = c.score() / top;
                e.reasons()[s] = c.reason();
            }
        }
        return new CandidatePool(ctx.surface(), names, new ArrayList<>(entries.values()));
    }

    /** Each anchor's related lists, read once: from the tier or live by mode, complete where vectors are due. */
    private Map<ProductId, Related> relatedOf(Surface surface, Frame f) {
        Map<ProductId, Related> out = new HashMap<>();
        int i = 0;
        for (Anchor a : f.anchors()) {
            boolean vectors = surface instanceof Surface.Similar
                    || (surface instanceof Surface.BoughtTogether && f.mode() == Mode.REALTIME && i < LIVE_VECTOR_ANCHORS);
            out.put(a.id(), vectors ? state.relatedComplete(a.id(), f.mode()) : state.related(a.id(), f.mode()));
            i++;
        }
        return out;
    }

    private Frame home(String actor, boolean fresh) {
        return personalization.readGraph(g -> {
            List<ItemPulse.TrailItem> trail = pulse.trail(actor);
            long clock = pulse.clock();
            Map<ProductId, double[]> weights = new LinkedHashMap<>();
            Map<ProductId, ItemPulse.Verb> verbs = new HashMap<>();
            double maxRecent = 0;
            for (ItemPulse.TrailItem t : trail) {
                if (t.weight() <= 0) continue;
                double w = t.weight() * Math.pow(0.5, (double) (clock - t.at()) / ANCHOR_HALF_LIFE.toMillis());
                ProductId l = catalogue.listing(t.id());
                weights.computeIfAbsent(l, k -> new double[1])[0] += w;
                verbs.merge(l, t.verb(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                maxRecent = Math.max(maxRecent, weights.get(l)[0]);
            }
            if (maxRecent > 0) for (double[] w : weights.values()) w[0] /= maxRecent;
            // Long-term taste (the graph's decayed item weights) counts half of the most recent item.
            List<ItemScore> longTerm = g.topItems(actor, MAX_ANCHORS);
            double maxLong = longTerm.isEmpty() ? 0 : longTerm.getFirst().weight();
            for (ItemScore s : longTerm) {
                if (s.weight() <= 0 || maxLong <= 0) continue;
                weights.computeIfAbsent(catalogue.listing(s.item()), k -> new double[1])[0] += 0.5 * s.weight() / maxLong;
            }
            List<Anchor> anchors = anchors(weights, verbs, MAX_ANCHORS);
            List<ProductId> history = new ArrayList<>();
            Set<ProductId> exclude = new HashSet<>();
            for (ItemPulse.TrailItem t : trail) {
                ProductId l = catalogue.listing(t.id());
                history.add(l);
                exclude.add(l);
            }
            List<List<String>> categories = g.topCategories(actor, 3).stream().map(CategoryScore::path).toList();
            String segment = g.topCategories(actor, 1, 1).stream().findFirst().map(c -> c.path().getFirst()).orElse(Snapshot.EVERYONE);
            boolean active = !trail.isEmpty() && clock - trail.getLast().at() <= activeWindow.toMillis();
            Mode mode = fresh || active ? Mode.REALTIME : Mode.PRECOMPUTED;
            return new Frame(mode, actor, anchors, history, categories, segment, exclude, purchases(actor), clock);
        });
    }

    private Frame similar(Surface.Similar s, boolean fresh) {
        LiveCatalogue.Entry e = catalogue.get(s.product());
        if (e == null) throw new NotFoundException("No product with id '" + s.product() + "'");
        ProductId l = catalogue.listing(s.product());
        Anchor a = new Anchor(l, 1, catalogue.title(l), ItemPulse.Verb.VIEWED);
        List<String> path = categoryOf(l);
        return new Frame(fresh ? Mode.REALTIME : Mode.PRECOMPUTED, null, List.of(a), List.of(l),
                path.isEmpty() ? List.of() : List.of(path), department(path), new HashSet<>(List.of(l, s.product())), Map.of(), 0);
    }

    private Frame boughtTogether(Surface.BoughtTogether b, boolean fresh) {
        Set<ProductId> exclude = new HashSet<>();
        LinkedHashSet<ProductId> listings = new LinkedHashSet<>();
        for (ProductId id : b.cart()) {
            if (catalogue.get(id) == null) continue; // a line deleted since it was carted: the rest still count
            exclude.add(id);
            listings.add(catalogue.listing(id));
        }
        if (listings.isEmpty()) throw new NotFoundException("None of the items exists: " + b.cart());
        exclude.addAll(listings);
        List<Anchor> anchors = new ArrayList<>();
        Set<List<String>> categories = new LinkedHashSet<>();
        for (ProductId l : listings) {
            if (anchors.size() == MAX_CART_ANCHORS) break;
            anchors.add(new Anchor(l, 1, catalogue.title(l), ItemPulse.Verb.CARTED));
            if (!categoryOf(l).isEmpty() && categories.size() < 3) categories.add(categoryOf(l));
        }
        return new Frame(fresh ? Mode.REALTIME : Mode.PRECOMPUTED, null, anchors, List.copyOf(listings),
                List.copyOf(categories), department(categoryOf(anchors.getFirst().id())), exclude, Map.of(), 0);
    }

    /** The session's items, most recent first, carts counting more; the shopper's trail when the session is unknown. */
    private Frame next(String actor, String sessionId) {
        SessionSummary session = personalization.readSessions(s -> s.recentSessions(actor, 10).stream()
                .filter(x -> x.sessionId().equals(sessionId)).findFirst().orElse(null));
        Map<ProductId, double[]> weights = new LinkedHashMap<>();
        Map<ProductId, ItemPulse.Verb> verbs = new HashMap<>();
        List<ProductId> history = new ArrayList<>();
        Set<ProductId> exclude = new HashSet<>();
        if (session != null) {
            List<ProductId> viewed = session.viewed();
            for (int i = viewed.size() - 1, rank = 0; i >= 0; i--, rank++) {
                ProductId l = catalogue.listing(viewed.get(i));
                weights.computeIfAbsent(l, k -> new double[1])[0] += Math.pow(0.75, rank);
                verbs.putIfAbsent(l, ItemPulse.Verb.VIEWED);
            }
            for (ProductId id : session.carted()) {
                ProductId l = catalogue.listing(id);
                weights.computeIfAbsent(l, k -> new double[1])[0] += 1.5;
                verbs.put(l, ItemPulse.Verb.CARTED);
            }
            for (ProductId id : viewed) history.add(catalogue.listing(id));
            for (List<ProductId> list : List.of(session.viewed(), session.carted(), session.purchased())) {
                for (ProductId id : list) {
                    exclude.add(id);
                    exclude.add(catalogue.listing(id));
                }
            }
        } else {
            List<ItemPulse.TrailItem> trail = personalization.host().read(() -> pulse.trail(actor));
            for (int i = trail.size() - 1, rank = 0; i >= 0; i--, rank++) {
                ProductId l = catalogue.listing(trail.get(i).id());
                weights.computeIfAbsent(l, k -> new double[1])[0] += Math.pow(0.75, rank);
                verbs.merge(l, trail.get(i).verb(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                history.addFirst(l);
                exclude.add(l);
            }
        }
        List<Anchor> anchors = anchors(weights, verbs, MAX_ANCHORS);
        Set<List<String>> categories = new LinkedHashSet<>();
        for (Anchor a : anchors) if (!categoryOf(a.id()).isEmpty() && categories.size() < 3) categories.add(categoryOf(a.id()));
        long clock = personalization.host().read(pulse::clock);
        return new Frame(Mode.REALTIME, actor, anchors, history, List.copyOf(categories), Snapshot.EVERYONE, exclude,
                purchases(actor), clock);
    }

    private List<Anchor> anchors(Map<ProductId, double[]> weights, Map<ProductId, ItemPulse.Verb> verbs, int max) {
        List<Map.Entry<ProductId, double[]>> sorted = new ArrayList<>(weights.entrySet());
        sorted.sort((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
        List<Anchor> out = new ArrayList<>(max);
        for (Map.Entry<ProductId, double[]> e : sorted) {
            if (out.size() == max) break;
            if (e.getValue()[0] <= 0 || catalogue.get(e.getKey()) == null) continue;
            out.add(new Anchor(e.getKey(), e.getValue()[0], catalogue.title(e.getKey()), verbs.getOrDefault(e.getKey(), ItemPulse.Verb.VIEWED)));
        }
        return out;
    }

    /** Purchases by listing, with the time of the last (event time). */
    private Map<ProductId, Long> purchases(String actor) {
        Map<ProductId, Long> raw = personalization.host().read(() -> pulse.purchases(actor));
        if (raw.isEmpty()) return Map.of();
        Map<ProductId, Long> out = new HashMap<>();
        raw.forEach((id, t) -> out.merge(catalogue.listing(id), t, Math::max));
        return out;
    }

    private List<String> categoryOf(ProductId id) {
        LiveCatalogue.Entry e = catalogue.get(id);
        return e == null ? List.of() : e.categoryPath();
    }

    private static String department(List<String> path) { return path.isEmpty() ? Snapshot.EVERYONE : path.getFirst(); }
}
