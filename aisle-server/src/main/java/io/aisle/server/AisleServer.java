package io.aisle.server;

import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.ProductId;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.json.EventJson;
import io.aisle.core.json.Json;
import io.aisle.core.json.ProductJson;
import io.aisle.core.json.ShopperJson;
import io.aisle.core.replay.ActorMemory;
import io.aisle.ingest.CatalogService;
import io.aisle.ingest.EventIngestion;
import io.aisle.ingest.ShopperErasure;
import io.aisle.ingest.ShopperService;
import io.aisle.ingest.catalog.CatalogImporter;
import io.aisle.server.api.ContentJson;
import io.aisle.server.api.ContentRoutes;
import io.aisle.assistant.Assistant;
import io.aisle.assistant.AssistantSettings;
import io.aisle.assistant.FileConversationStore;
import io.aisle.assistant.PreferenceMemory;
import io.aisle.llm.LlmConfig;
import io.aisle.llm.OpenAiTextGenerator;
import io.aisle.server.api.AssistantJson;
import io.aisle.server.api.AssistantRoutes;
import io.aisle.server.api.EventRoutes;
import io.aisle.server.api.ForecastRoutes;
import io.aisle.server.console.ForecastPages;
import io.aisle.server.forecast.DemandForecasts;
import io.aisle.forecast.ForecastConfig;
import io.aisle.forecast.inventory.InventoryPlanner;
import io.aisle.server.api.ExperimentJson;
import io.aisle.server.api.ExperimentRoutes;
import io.aisle.server.api.PricingJson;
import io.aisle.server.api.PricingRoutes;
import io.aisle.server.pricing.PricingDesk;
import io.aisle.server.pricing.PricingLedger;
import io.aisle.server.api.ImageRoutes;
import io.aisle.server.console.ImagePages;
import io.aisle.server.images.ImageBackends;
import io.aisle.server.images.ImageJobs;
import io.aisle.vision.ImageLimits;
import io.aisle.server.api.ModelRoutes;
import io.aisle.server.api.ProductInsightRoutes;
import io.aisle.server.api.ProductRoutes;
import io.aisle.server.api.ProfileSection;
import io.aisle.server.api.RecommendationJson;
import io.aisle.server.api.RecommendationRoutes;
import io.aisle.server.api.ShopperProfiles;
import io.aisle.server.api.ShopperRoutes;
import io.aisle.server.api.SearchJson;
import io.aisle.server.api.SearchRoutes;
import io.aisle.server.api.SystemRoutes;
import io.aisle.server.console.ConsoleRoutes;
import io.aisle.server.console.ContentPages;
import io.aisle.server.content.ContentHost;
import io.aisle.server.console.ExperimentPages;
import io.aisle.server.console.PricingPages;
import io.aisle.server.console.SearchPages;
import io.aisle.server.console.StoreChat;
import io.aisle.server.console.ShopperPages;
import io.aisle.server.derived.ExperimentResults;
import io.aisle.server.derived.ExperimentTallies;
import io.aisle.server.derived.Personalization;
import io.aisle.server.derived.LazyEncoder;
import io.aisle.server.derived.ProfileSections;
import io.aisle.server.derived.SearchHistory;
import io.aisle.server.derived.SearchHost;
import io.aisle.server.http.ApiKeys;
import io.aisle.server.http.Auth;
import io.aisle.server.http.Problems;
import io.aisle.server.http.Route;
import io.aisle.server.http.Router;
import io.aisle.server.http.Routes;
import io.aisle.recommend.experiment.Experiments;
import io.aisle.server.recommend.ItemPulse;
import io.aisle.server.recommend.RecommendationHost;
import io.aisle.server.recommend.RecsTrainer;
import io.aisle.server.recommend.Retrainer;
import io.aisle.store.embedded.EmbeddedStorage;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Aisle service: opens the stores in the data directory, wires every capability to its routes and serves
 * them over HTTP. The only place that knows every module.
 */
public final class AisleServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AisleServer.class);
    /** New events needed before a scheduled run retrains the sequence model (fewer change little). */
    private static final long RETRAIN_MIN_NEW_EVENTS = 10_000;

    private final ServerConfig config;
    private final EmbeddedStorage storage;
    private final ApiKeys keys;
    private final Javalin app;
    private final Router router;
    private final PrometheusMeterRegistry metrics;
    private final JvmGcMetrics gcMetrics;
    private final Services services;
    private final Personalization personalization;
    private final SearchHost search;
    private final Experiments experiments;
    private final ExperimentResults experimentResults;
    private final RecommendationHost recommendations;
    private final Retrainer retrainer;
    private final ImageJobs imageJobs;
    private final ContentHost content;

    private AisleServer(ServerConfig config, EmbeddedStorage storage, ApiKeys keys, Personalization.Options options) {
        this.config = config;
        this.storage = storage;
        this.keys = keys;
        ObjectMapper mapper = Json.mapper();
        Clock clock = Clock.systemUTC();
        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(metrics);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(metrics);

        EventJson eventJson = new EventJson(mapper, clock);
        ProductJson productJson = new ProductJson(mapper);
        this.services = new Services(mapper, eventJson, productJson,
                new EventIngestion(storage.events(), eventJson, config.maxBatchEvents()),
                new CatalogService(storage.catalog(), productJson));
        // One encoder for content vectors and search queries; search stays lexical when vectors are off.
        LazyEncoder encoder = new LazyEncoder();
        this.search = new SearchHost(storage.catalog(), storage.models(),
                options.enabled() && options.contentVectors() ? encoder : null);
        // Experiment definitions live in the data directory; their metrics are a projection on the same host.
        this.experiments = new Experiments(new ExperimentFile(config.dataDir(), mapper), clock);
        ExperimentTallies tallies = new ExperimentTallies(experiments);
        ItemPulse pulse = new ItemPulse();
        this.personalization = new Personalization(storage, options, encoder,
                List.of(new SearchHistory(storage.catalog()::get, search.learner()), tallies, pulse));
        this.experimentResults = new ExperimentResults(personalization, tallies);
        this.imageJobs = new ImageJobs(config.dataDir(), mapper, ImageBackends.from(System.getenv()), ImageLimits.standard(), clock);
        this.recommendations = new RecommendationHost(storage.catalog(), storage.models(), personalization, pulse, metrics,
                clock, RecommendationHost.Settings.defaults());
        this.retrainer = new Retrainer(new RecsTrainer(storage.events(), storage.models()), storage.events(), recommendations,
                config.recsRetrainEvery(), RETRAIN_MIN_NEW_EVENTS);
        this.content = new ContentHost(storage.catalog(), storage.events(), System.getenv(), config.dataDir(), mapper, clock);

        Problems problems = new Problems(mapper);
        Auth auth = new Auth(keys);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = true;
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.jsonMapper(new JavalinJackson(mapper, true));
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/sdk";
                sf.directory = "/sdk";
                sf.location = Location.CLASSPATH;
                sf.headers = java.util.Map.of("Cache-Control", "public, max-age=300");
            });
            cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                if (config.corsOrigins().contains("*")) rule.anyHost();
                else config.corsOrigins().forEach(o -> rule.allowHost(o));
            }));
            cfg.requestLogger.http((ctx, ms) -> {
                String route = ctx.endpointHandlerPath();
                Timer.builder("http.server.requests")
                        .tag("method", ctx.method().name())
                        .tag("uri", route == null || route.isEmpty() ? "unmatched" : route)
                        .tag("status", String.valueOf(ctx.statusCode()))
                        .publishPercentileHistogram(false)
                        .register(metrics)
                        .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
                if (ctx.statusCode() >= 500) {
                    log.atWarn().addKeyValue("method", ctx.method().name()).addKeyValue("route", route)
                            .addKeyValue("status", ctx.statusCode()).addKeyValue("ms", ms).log("request failed");
                }
            });
        });
        problems.install(app);
        app.beforeMatched(auth::check);
        this.router = new Router(app);
        routes(storage, mapper).forEach(r -> r.register(router));
    }

    private List<Routes> routes(EmbeddedStorage storage, ObjectMapper mapper) {
        ShopperJson shopperJson = new ShopperJson(mapper);
        // Derived state keyed by actor (sessions, graph, features, vectors) goes in `projections` so erasure reaches it;
        // what it knows about a shopper goes in `sections` to appear in the profile. Both empty until wired.
        List<ActorMemory> projections = List.of(personalization.memory(), recommendations);
        List<ProfileSection> sections = new ProfileSections(personalization, mapper).all();
        ShopperProfiles profiles = new ShopperProfiles(storage.shoppers(), shopperJson, sections);
        PricingJson pricingJson = new PricingJson(mapper);
        PricingDesk pricing = new PricingDesk(new PricingLedger(config.dataDir(), mapper), pricingJson, mapper, Clock.systemUTC(),
                (id, price) -> storage.catalog().get(ProductId.of(id)).map(p -> {
                    services.catalog().upsertAll(List.of(p.withPrice(new Money(price, p.price().currency()))));
                    return true;
                }).orElse(false));
        DemandForecasts demand = new DemandForecasts(storage.events(), Clock.systemUTC(), ForecastConfig.defaults());
        InventoryPlanner planner = new InventoryPlanner(42);
        return List.of(
                new SystemRoutes(metrics, () -> storage.events().lastOffset() >= 0 && storage.catalog().count() >= 0),
                new EventRoutes(services.ingestion(), storage.events(), services.eventJson(), mapper,
                        config.maxEventBodyBytes(), config.maxConcurrentIngest(), metrics),
                new ProductRoutes(storage.catalog(), services.catalog(), new CatalogImporter(services.productJson(), mapper),
                        services.productJson(), mapper, config.maxRequestBytes()),
                new ModelRoutes(storage.models(), mapper),
                new ProductInsightRoutes(storage.catalog(), personalization, mapper),
                new ShopperRoutes(new ShopperService(storage.shoppers(), shopperJson, Clock.systemUTC()),
                        new ShopperErasure(storage.shoppers(), storage.events(), projections), profiles, new Auth(keys),
                        mapper),
                new SearchRoutes(search.search(), storage.events(), new SearchJson(mapper), Clock.systemUTC()),
                new RecommendationRoutes(recommendations, new RecommendationJson(mapper), mapper,
                        actorKey -> experiments.variantFor(actorKey).map(a -> a.variant())),
                new ConsoleRoutes(storage.catalog(), storage.events(), services.eventJson(), services.productJson(), keys,
                        search.search()),
                new SearchPages(search.search(), keys),
                new ShopperPages(profiles, keys),
                new ExperimentRoutes(experiments, experimentResults, new ExperimentJson(mapper), mapper),
                new ExperimentPages(experiments, experimentResults, keys),
                new PricingRoutes(pricing, pricingJson, mapper, Clock.systemUTC()),
                new PricingPages(pricing, keys),
                new ImageRoutes(imageJobs, storage.catalog(), mapper, config.maxRequestBytes()),
                new ImagePages(imageJobs, keys),
                new ContentRoutes(content, new ContentJson(mapper), mapper),
                new ContentPages(content, keys),
                new AssistantRoutes(assistant(storage), new AssistantJson(mapper), mapper),
                new StoreChat(),
                new ForecastRoutes(demand, planner, mapper),
                new ForecastPages(demand, planner, keys));
    }

    /**
     * The shopping assistant: conversations under the data directory, answers from the built-in composer unless an
     * OpenAI-compatible server is configured ({@link LlmConfig#fromEnv}); either way verified against the catalogue.
     */
    private Assistant assistant(EmbeddedStorage storage) {
        Clock clock = Clock.systemUTC();
        AssistantSettings settings = AssistantSettings.defaults();
        var llm = LlmConfig.fromEnv(System.getenv());
        llm.ifPresent(c -> log.atInfo().addKeyValue("llm", c).log("assistant answers through an LLM, verified"));
        return new Assistant(search.search(), storage.catalog(), llm.map(OpenAiTextGenerator::new).orElse(null),
                new FileConversationStore(config.dataDir().resolve("assistant"), settings, clock),
                new PreferenceMemory(storage.shoppers(), clock), settings, clock);
    }

    /** Opens the data directory and starts serving, with personalization's default options. */
    public static AisleServer start(ServerConfig config) {
        return start(config, Personalization.Options.defaults());
    }

    /** Opens the data directory, starts personalization (replay, then follow) and starts serving. */
    public static AisleServer start(ServerConfig config, Personalization.Options options) {
        EmbeddedStorage storage = EmbeddedStorage.open(config.dataDir(),
                EmbeddedStorage.Options.defaults().withMaxPendingEvents(config.maxPendingEvents()));
        try {
            KeyFile keyFile = new KeyFile(config.dataDir());
            boolean created = config.publicKey() == null && !keyFile.exists();
            ApiKeys keys = config.publicKey() != null ? new ApiKeys(config.publicKey(), config.adminKey()) : keyFile.loadOrCreate();
            AisleServer server = new AisleServer(config, storage, keys, options);
            try {
                server.personalization.start();
                server.search.start(server.personalization);
                server.recommendations.start();
                server.retrainer.start();
                server.app.start(config.host(), config.port());
            } catch (RuntimeException e) {
                server.retrainer.close();
                server.recommendations.close();
                server.imageJobs.close();
                server.content.close();
                server.search.close();
                server.personalization.close();
                throw e;
            }
            log.atInfo().addKeyValue("port", server.port()).addKeyValue("data_dir", config.dataDir().toAbsolutePath())
                    .addKeyValue("keys", config.publicKey() != null ? "configured" : keyFile.path().toAbsolutePath())
                    .addKeyValue("keys_created", created).log("aisle started");
            return server;
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    public int port() { return app.port(); }

    public ApiKeys keys() { return keys; }

    public ServerConfig config() { return config; }

    /** The stores, for in-process tools (demo, benchmarks) that share the server's data directory. */
    public EmbeddedStorage storage() { return storage; }

    public Services services() { return services; }

    /** Every route the server registered, with its role. */
    public List<Route> routes() { return router.routes(); }

    /** Sessions, graph, features, vectors and segments derived from the log. */
    public Personalization personalization() { return personalization; }

    /** Product search: the index following the catalogue, and the engine over it. */
    public SearchHost search() { return search; }

    /** Online experiments: definitions and assignment ({@link Experiments#variantFor} for the recommendation host). */
    public Experiments experiments() { return experiments; }

    /** Recommendations: the serving tiers, models per variant and merchant rules. */
    public RecommendationHost recommendations() { return recommendations; }

    /** The scheduled retraining of the served sequence model. */
    public Retrainer retrainer() { return retrainer; }

    /** The content studio: generation jobs, review queue, published texts. */
    public ContentHost content() { return content; }

    @Override public void close() {
        app.stop();
        retrainer.close();
        recommendations.close();
        imageJobs.close();
        content.close();
        search.close();
        personalization.close();
        gcMetrics.close();
        storage.close();
        log.atInfo().addKeyValue("data_dir", config.dataDir().toAbsolutePath()).log("aisle stopped");
    }

    /** The codecs and application services built once and shared by routes and in-process tools. */
    public record Services(ObjectMapper mapper, EventJson eventJson, ProductJson productJson,
                           EventIngestion ingestion, CatalogService catalog) {}
}
