package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.json.Json;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.port.ModelStore;
import io.aisle.core.port.Recommender;
import io.aisle.core.recommend.RecommendationRequest;
import io.aisle.core.recommend.Recommendations;
import io.aisle.core.recommend.ServedFrom;
import io.aisle.core.recommend.Surface;
import io.aisle.core.replay.ActorMemory;
import io.aisle.core.validation.ValidationException;
import io.aisle.server.derived.Personalization;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Recommendations as the server runs them: a live copy of the catalogue, the per-item and snapshot tiers kept by a
 * background {@link Precomputer}, the final-list cache, the models per variant (swapped atomically) and the
 * merchant's rules (stored in the model store as {@value #RULES_MODEL}). A request is answered from the cached list
 * when it is still true, else computed: from precomputed lists, or from live state for a shopper active in the last
 * minutes (and always when asked for fresh). Derived from the catalogue and the event log like everything else.
 */
public final class RecommendationHost implements Recommender, ActorMemory, AutoCloseable {
    /** Name of the merchant rules in the model store. */
    public static final String RULES_MODEL = "recommendation-rules";
    public static final String DEFAULT_VARIANT = "default";
    /** The blend of live sources without trained models: always installed, so an experiment can test a model against it. */
    public static final String BLEND_VARIANT = "blend";
    private static final Logger log = LoggerFactory.getLogger(RecommendationHost.class);

    /**
     * Sizes and intervals.
     *
     * @param finalLists      most final lists cached
     * @param finalTtl        how long a final list may be served without a reason to drop it
     * @param relatedItems    most per-item related lists kept
     * @param relatedTtl      how long a per-item list is used before it is recomputed
     * @param neighbours      neighbours kept per item and kind
     * @param precomputeItems the most popular listings whose related lists are precomputed
     * @param vectorItems     the most popular listings among which behaviour-vector neighbours are searched
     * @param backgroundShare share of one core the precompute may take
     * @param activeWindow    a shopper with an event this recent (event time) is served in real time
     * @param rarelyShown     a product shown fewer times than this may fill exploration slots
     */
    public record Settings(long finalLists, Duration finalTtl, long relatedItems, Duration relatedTtl, int neighbours,
                           int precomputeItems, int vectorItems, double backgroundShare, Duration activeWindow,
                           int rarelyShown) {
        public Settings {
            if (finalLists < 0 || relatedItems < 0) throw new IllegalArgumentException("cache sizes must not be negative");
            if (neighbours < 1 || neighbours > 500) throw new IllegalArgumentException("neighbours must be 1..500, got " + neighbours);
            if (precomputeItems < 0 || vectorItems < 1) throw new IllegalArgumentException("precomputeItems must be >= 0 and vectorItems >= 1");
            if (!(backgroundShare > 0 && backgroundShare <= 1)) throw new IllegalArgumentException("backgroundShare must be in (0, 1]");
        }

        /**
         * 200,000 final lists for 10 minutes (a list of 20 is about 1.5 KB: room for every active shopper of a large
         * store), 50,000 per-item lists for 30, 50 neighbours, 10,000 listings precomputed at half a core, vector
         * neighbours among the 20,000 most popular.
         */
        public static Settings defaults() {
            return new Settings(200_000, Duration.ofMinutes(10), 50_000, Duration.ofMinutes(30), 50, 10_000, 20_000, 0.5,
                    Duration.ofMinutes(30), 20);
        }
    }

    private final ModelStore models;
    private final Personalization personalization;
    private final ItemPulse pulse;
    private final Clock clock;
    private final LiveCatalogue catalogue;
    private final RelatedItems related;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.empty());
    private final AtomicReference<BehaviourIndex> vectors = new AtomicReference<>();
    private final Precomputer precomputer;
    private final RecommendationEngine engine;
    private final ListCache lists;
    private final Map<String, RecommenderModels> variants = new ConcurrentHashMap<>();
    private final AtomicReference<MerchandisingRules> rules = new AtomicReference<>(MerchandisingRules.defaults());
    private final AtomicLong rulesVersion = new AtomicLong();
    private final RulesCodec rulesCodec = new RulesCodec(Json.mapper());
    private final MeterRegistry metrics;
    private final Map<String, Counter> served = new ConcurrentHashMap<>();

    public RecommendationHost(CatalogStore catalog, ModelStore models, Personalization personalization, ItemPulse pulse,
                              MeterRegistry metrics, Clock clock, Settings settings) {
        this.models = models;
        this.personalization = personalization;
        this.pulse = pulse;
        this.clock = clock;
        this.metrics = metrics;
        this.catalogue = new LiveCatalogue(catalog);
        this.related = new RelatedItems(personalization, catalogue, vectors::get, settings.neighbours(), settings.relatedItems(),
                settings.relatedTtl(), metrics);
        ServingState state = new ServingState(personalization, catalogue, related, snapshot::get, vectors::get);
        this.engine = new RecommendationEngine(personalization, pulse, catalogue, state, settings.activeWindow());
        this.lists = new ListCache(settings.finalLists(), settings.finalTtl(), metrics);
        this.precomputer = new Precomputer(personalization, pulse, catalogue, related,
                new SnapshotBuilder(200, 30, 100, 1_000, settings.rarelyShown()), snapshot, vectors, settings.precomputeItems(),
                settings.vectorItems(), settings.backgroundShare(), clock);
        catalogue.onGone(lists::evictShowing);
        variants.put(DEFAULT_VARIANT, RecommenderModels.standard());
        variants.put(BLEND_VARIANT, RecommenderModels.standard());
        loadRules();
    }

    /** Starts following the catalogue and the background precompute; nothing runs on an ingest-only node. */
    public synchronized RecommendationHost start() {
        if (!personalization.enabled()) return this;
        catalogue.start();
        precomputer.start();
        return this;
    }

    /** False on an ingest-only node: nothing is derived, requests should be refused. */
    public boolean enabled() { return personalization.enabled(); }

    @Override public Recommendations recommend(RecommendationRequest request) {
        long started = System.nanoTime();
        String variant = request.variant() == null ? DEFAULT_VARIANT : request.variant();
        RecommenderModels set = variants.get(variant);
        if (set == null) throw new ValidationException("variant", "is not installed; known: " + new TreeSet<>(variants.keySet()));
        Surface surface = request.surface();
        String actor = switch (surface) {
            case Surface.Home h -> pulse.canonical(h.actorKey());
            case Surface.NextInSession n -> pulse.canonical(n.actorKey());
            default -> null;
        };
        String modelVersion = modelVersion(set);
        long actorVersion = actor == null ? 0 : pulse.version(actor);
        long rulesAt = rulesVersion.get();
        long arrivals = catalogue.arrivals();
        ListCache.Key key = new ListCache.Key(surface.kind(), subject(surface, actor), request.limit(), variant);
        if (!request.fresh()) {
            ListCache.Entry hit = lists.get(key, actorVersion, modelVersion, rulesAt, arrivals, catalogue::available);
            if (hit != null) return answer(request, hit.items(), modelVersion, variant, ServedFrom.CACHE, started);
        }
        RecommendationEngine.Outcome out = engine.compute(surface, request.limit(), request.fresh(), actor, set, rules.get(),
                snapshot.get(), clock.instant());
        ServedFrom from = out.mode() == Mode.REALTIME ? ServedFrom.REALTIME : ServedFrom.PRECOMPUTED;
        if (!request.fresh()) lists.put(key, new ListCache.Entry(out.items(), actor, actorVersion, modelVersion, rulesAt, arrivals, from));
        return answer(request, out.items(), modelVersion, variant, from, started);
    }

    private Recommendations answer(RecommendationRequest request, List<io.aisle.core.recommend.Recommendation> items,
                                   String modelVersion, String variant, ServedFrom from, long started) {
        served.computeIfAbsent(request.surface().kind() + "/" + from.wire(), k -> metrics.counter("aisle.recommendations.served",
                "surface", request.surface().kind(), "from", from.wire())).increment();
        return new Recommendations(request.surface(), items, modelVersion, variant, from, (System.nanoTime() - started) / 1e6);
    }

    private static String subject(Surface surface, String actor) {
        return switch (surface) {
            case Surface.Home h -> actor;
            case Surface.NextInSession n -> actor + "|" + n.sessionId();
            case Surface.Similar s -> s.product().value();
            case Surface.BoughtTogether b -> b.cart().stream().map(ProductId::value).sorted().collect(Collectors.joining(","));
        };
    }

    /** The variant's version, with the behaviour vectors' log offset when they exist. */
    private String modelVersion(RecommenderModels set) {
        return personalization.behaviourModel().map(m -> set.version() + "+als@" + m.info().logOffset()).orElse(set.version());
    }

    /**
     * Installs (or replaces) the models a variant serves with, atomically: requests already running finish with the
     * old set, the next ones use the new one; lists cached under the old version are no longer served.
     */
    public void install(String variant, RecommenderModels set) {
        io.aisle.core.validation.Text.requireId("variant", variant);
        variants.put(variant, set);
        log.atInfo().addKeyValue("variant", variant).addKeyValue("version", set.version()).log("recommendation models installed");
    }

    /** The installed variants and their versions. */
    public Map<String, String> variants() {
        return variants.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().version()));
    }

    public MerchandisingRules rules() { return rules.get(); }

    /** Replaces the merchant's rules, stores them, and stops serving lists made under the old ones. */
    public synchronized MerchandisingRules setRules(MerchandisingRules next) {
        try {
            byte[] bytes = Json.mapper().writeValueAsBytes(rulesCodec.encode(next));
            models.save(RULES_MODEL, bytes, Map.of("pins", String.valueOf(next.pins().size()), "boosts", String.valueOf(next.boosts().size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rules.set(next);
        rulesVersion.incrementAndGet();
        lists.clear();
        return next;
    }

    public RulesCodec rulesCodec() { return rulesCodec; }

    private void loadRules() {
        models.latest(RULES_MODEL).ifPresent(v -> {
            try {
                rules.set(rulesCodec.decode(Json.mapper().readTree(models.load(v))));
            } catch (IOException | RuntimeException e) {
                // Rules that no longer parse must not stop the server; the defaults serve and the cause is logged.
                log.atWarn().setCause(e).addKeyValue("version", v.version()).log("stored recommendation rules not loaded");
            }
        });
    }

    @Override public String name() { return "recommendation-lists"; }

    /** Erasure: drops every cached list made for these actors or their devices. */
    @Override public void forget(Set<String> actorKeys) {
        Set<String> all = new HashSet<>(actorKeys);
        for (String k : actorKeys) all.add(pulse.canonical(k));
        lists.evictActors(all);
    }

    // ---- for operators, tests and benchmarks ----

    /** The catalogue change-log offset the live catalogue has applied. */
    public long catalogueOffset() { return catalogue.offset(); }

    /** Whether the most popular listings' related lists are precomputed with the current behaviour vectors. */
    public boolean warmed() { return precomputer.warmed(); }

    /** The listings the precompute covers, most popular first. */
    public List<ProductId> precomputedItems() { return precomputer.warmList(); }

    /** The current snapshot lists. */
    public Snapshot snapshot() { return snapshot.get(); }

    /** When the current snapshot was built. */
    public Instant snapshotAt() { return snapshot.get().builtAt(); }

    /** Final lists and per-item lists held now. */
    public Map<String, Long> cacheSizes() { return Map.of("final", lists.size(), "related", related.size()); }

    @Override public void close() {
        precomputer.close();
        catalogue.close();
    }
}
