package io.aisle.server.derived;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.SignalWeights;
import io.aisle.core.feature.EntityRef;
import io.aisle.core.feature.FeatureVector;
import io.aisle.core.replay.ActorMemory;
import io.aisle.embeddings.Neighbour;
import io.aisle.embeddings.behaviour.AlsParams;
import io.aisle.embeddings.behaviour.BehaviourModel;
import io.aisle.embeddings.behaviour.BehaviourTrainer;
import io.aisle.embeddings.shopper.ShopperVectorParams;
import io.aisle.embeddings.shopper.ShopperVectors;
import io.aisle.core.port.Embedder;
import io.aisle.core.replay.Projection;
import io.aisle.features.feature.FeaturePipeline;
import io.aisle.features.graph.ActivityGraph;
import io.aisle.features.graph.GraphConfig;
import io.aisle.features.graph.ItemLink;
import io.aisle.features.graph.ItemScore;
import io.aisle.features.segment.RuleSegments;
import io.aisle.features.segment.Segment;
import io.aisle.features.segment.ShopperClusters;
import io.aisle.features.session.Sessionizer;
import io.aisle.store.embedded.EmbeddedStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the server derives from the log for personalization, wired by hand: the projections (sessions,
 * activity graph, features, shopper vectors, identity links) kept current by a {@link ProjectionHost}, and a
 * background job that trains behaviour vectors, clusters shoppers and embeds the catalogue's copy.
 */
public final class Personalization implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Personalization.class);

    /**
     * @param contentVectors embed product copy with the sentence encoder (costs CPU while the catalogue changes)
     * @param modelRefresh   how often behaviour vectors and clusters are brought up to date with new events
     * @param clusters       number of learned taste segments
     * @param followShare    share of a core that following the log may take once replayed (see {@link ProjectionHost})
     * @param enabled        false for a node that only ingests: nothing follows the log, personalization reads answer 503
     */
    public record Options(boolean contentVectors, Duration modelRefresh, int clusters, double followShare, boolean enabled) {
        public static Options defaults() { return new Options(true, Duration.ofMinutes(5), 8, 0.5, true); }

        /** An ingest-only node: events and catalogue in, nothing derived. */
        public static Options disabled() { return defaults().withEnabled(false); }

        public Options withContentVectors(boolean on) { return new Options(on, modelRefresh, clusters, followShare, enabled); }

        public Options withModelRefresh(Duration every) { return new Options(contentVectors, every, clusters, followShare, enabled); }

        public Options withFollowShare(double share) { return new Options(contentVectors, modelRefresh, clusters, share, enabled); }

        public Options withEnabled(boolean on) { return new Options(contentVectors, modelRefresh, clusters, followShare, on); }
    }

    private final EmbeddedStorage storage;
    private final Options options;
    private final Embedder encoder;
    private final SignalWeights weights = SignalWeights.defaults();
    private final Sessionizer sessions = new Sessionizer();
    private final ActivityGraph graph;
    private final FeaturePipeline features;
    private final ShopperVectors vectors = new ShopperVectors(weights, ShopperVectorParams.defaults());
    private final ProjectionHost host;
    private final RuleSegments rules = new RuleSegments(RuleSegments.Thresholds.defaults());
    private final AtomicReference<BehaviourModel> behaviour = new AtomicReference<>();
    private final AtomicReference<ShopperClusters> clusters = new AtomicReference<>();
    private final AtomicReference<ContentIndex> content = new AtomicReference<>();
    private volatile boolean closed;
    private Thread jobs;

    public Personalization(EmbeddedStorage storage, Options options) {
        this(storage, options, new LazyEncoder(), List.of());
    }

    /**
     * @param encoder the sentence encoder shared with search (loaded on first use)
     * @param extra   more projections to run on the same log, under the same lock (search history)
     */
    public Personalization(EmbeddedStorage storage, Options options, Embedder encoder, List<Projection> extra) {
        this.storage = storage;
        this.options = options;
        this.encoder = encoder;
        this.graph = new ActivityGraph(GraphConfig.defaults(), weights, storage.catalog());
        // Category medians come from the catalogue at start; products added later are looked up one by one.
        this.features = FeaturePipeline.standard(new LiveItemCatalog(storage.catalog(), Duration.ofMinutes(1), System::nanoTime));
        this.host = new ProjectionHost(storage.events(),
                projections(storage, extra), Duration.ofMillis(200), 500,
                options.followShare());
    }

    private List<Projection> projections(EmbeddedStorage storage, List<Projection> extra) {
        List<Projection> all = new ArrayList<>(List.of(new IdentityLinker(storage.shoppers()), sessions, graph, features, vectors));
        all.addAll(extra);
        return all;
    }

    /** Starts following the log and the background model job. */
    public synchronized Personalization start() {
        if (!options.enabled()) return this;
        host.start();
        jobs = Thread.ofVirtual().name("aisle-models").start(this::runJobs);
        return this;
    }

    /** False on an ingest-only node. */
    public boolean enabled() { return options.enabled(); }

    /** What erasure must reach: every projection, between pages. */
    public ActorMemory memory() { return host; }

    public ProjectionHost host() { return host; }

    // ---- reads (each under the host's read lock) ----

    public FeatureVector itemFeatures(ProductId id) { return host.read(() -> features.get(EntityRef.item(id))); }

    public FeatureVector shopperFeatures(String actorKey) { return host.read(() -> features.get(EntityRef.shopper(actorKey))); }

    public List<FeatureVector> shopperCategories(String actorKey) {
        return host.read(() -> features.ofShopper(actorKey, io.aisle.core.feature.EntityKind.SHOPPER_CATEGORY));
    }

    public FeaturePipeline featurePipeline() { return features; }

    public <T> T readGraph(java.util.function.Function<ActivityGraph, T> query) { return host.read(() -> query.apply(graph)); }

    public <T> T readSessions(java.util.function.Function<Sessionizer, T> query) { return host.read(() -> query.apply(sessions)); }

    public List<ItemScore> coNeighbours(ProductId id, ItemLink kind, int k) {
        return host.read(() -> kind == null ? graph.neighbours(id, k) : graph.neighbours(id, kind, k));
    }

    /** Items whose behaviour vectors are nearest; empty until the first model is trained. */
    public List<Neighbour> behaviourNeighbours(ProductId id, int k) {
        BehaviourModel m = behaviour.get();
        return m == null ? List.of() : m.similar(id, k);
    }

    /** Items whose copy means the nearest; empty while content vectors are off or not built. */
    public List<Neighbour> contentNeighbours(ProductId id, int k) {
        ContentIndex c = content.get();
        return c == null ? List.of() : c.similar(id, k);
    }

    /** A product's content vector; empty while content vectors are off, not loaded, or the product not embedded. */
    public Optional<float[]> contentVector(ProductId id) {
        ContentIndex c = content.get();
        return c == null ? Optional.empty() : c.vector(id);
    }

    /** The catalogue change-log offset the content vectors have reached; -1 while they are off or not loaded. */
    public long contentOffset() {
        ContentIndex c = content.get();
        return c == null ? -1 : c.offset();
    }

    /** The shopper's long-term taste in content-vector space; empty without content vectors or history. */
    public Optional<float[]> shopperContentVector(String actorKey) {
        ContentIndex c = content.get();
        if (c == null) return Optional.empty();
        return host.read(() -> c.read(space -> vectors.longTerm(vectors.canonicalKey(actorKey), space)));
    }

    public Optional<BehaviourModel> behaviourModel() { return Optional.ofNullable(behaviour.get()); }

    /** Rule segments from the shopper's features, plus the learned taste cluster when vectors exist. */
    public List<Segment> segments(String actorKey) {
        FeatureVector f = shopperFeatures(actorKey);
        List<Segment> out = new ArrayList<>(rules.of(f.values()));
        learnedSegment(actorKey).ifPresent(out::add);
        return out;
    }

    private Optional<Segment> learnedSegment(String actorKey) {
        BehaviourModel model = behaviour.get();
        ShopperClusters c = clusters.get();
        if (model == null || c == null) return Optional.empty();
        Map<ProductId, Double> signals = host.read(() -> vectors.longTermSignals(vectors.canonicalKey(actorKey)));
        return model.shopperFactor(signals).map(c::assign);
    }

    // ---- background job ----

    private void runJobs() {
        long trainedAt = -1;
        long lastModelRun = 0;
        try {
            // Stored content vectors are loaded first: search can use them while the log is still being replayed.
            if (options.contentVectors()) content.set(new ContentIndex(storage.models(), encoder));
            while (!closed && !host.caughtUp()) Thread.sleep(100);
            behaviour.set(BehaviourModel.loadLatest(storage.models()).orElse(null));
            while (!closed) {
                long now = System.nanoTime();
                long offset = host.appliedOffset();
                if (offset != trainedAt && (lastModelRun == 0 || now - lastModelRun >= options.modelRefresh().toNanos())) {
                    lastModelRun = now;
                    refreshModels();
                    trainedAt = offset;
                }
                boolean busy = refreshContent();
                if (!busy) Thread.sleep(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            // The API keeps serving projections without vectors; the failure is logged once with its cause.
            log.atError().setCause(e).log("model job stopped");
        }
    }

    private void refreshModels() {
        try {
            long started = System.nanoTime();
            BehaviourModel model = new BehaviourTrainer(AlsParams.defaults(), weights).refresh(behaviour.get(), storage.events());
            if (model == null || model.size() == 0) return;
            if (model != behaviour.get()) model.save(storage.models());
            behaviour.set(model);
            clusters.set(fitClusters(model));
            log.atInfo().addKeyValue("items", model.size()).addKeyValue("ms", (System.nanoTime() - started) / 1_000_000)
                    .log("behaviour vectors and taste clusters refreshed");
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("behaviour vectors not refreshed");
        }
    }

    private ShopperClusters fitClusters(BehaviourModel model) {
        Map<String, float[]> shopperFactors = new HashMap<>();
        for (String key : host.read(vectors::actorKeys)) {
            Map<ProductId, Double> signals = host.read(() -> vectors.longTermSignals(key));
            model.shopperFactor(signals).ifPresent(f -> shopperFactors.put(key, f));
        }
        if (shopperFactors.size() < options.clusters() * 5) return null; // too few shoppers for clusters to mean much
        return ShopperClusters.fit(shopperFactors, options.clusters(), 7, key -> host.read(() -> graph.topCategories(key, 1))
                .stream().findFirst().map(c -> c.key()).orElse(null));
    }

    /** Embeds one page of catalogue changes; true when there was work. */
    private boolean refreshContent() {
        ContentIndex c = content.get();
        if (c == null) return false;
        int changes = c.refreshStep(storage.catalog());
        if (changes == 0) c.saveIfChanged(storage.models());
        return changes > 0;
    }

    @Override public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = jobs;
        }
        ProjectionHost.stop(t, Duration.ofSeconds(10));
        host.close();
    }
}
