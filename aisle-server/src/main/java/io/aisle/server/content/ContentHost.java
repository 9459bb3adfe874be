package io.aisle.server.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.content.ContentStudio;
import io.aisle.content.compose.Composer;
import io.aisle.content.facts.FactRetriever;
import io.aisle.content.facts.SearchTerms;
import io.aisle.content.gate.BrandVoice;
import io.aisle.content.pipeline.ContentJobs;
import io.aisle.content.pipeline.PipelineSettings;
import io.aisle.content.pipeline.PublishedContent;
import io.aisle.content.pipeline.ReviewQueue;
import io.aisle.content.rank.Discriminator;
import io.aisle.core.catalog.Product;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.port.EventLog;
import io.aisle.core.port.TextGenerator;
import io.aisle.llm.LlmConfig;
import io.aisle.llm.OpenAiTextGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The content studio as the server runs it: the text generator chosen by configuration (an OpenAI-compatible LLM
 * when {@code AISLE_LLM_BASE_URL} is set, the built-in composer otherwise), the pipeline, background jobs over the
 * live catalogue with SEO terms from the event log's searches, the review queue and the published texts, all kept in
 * the {@link ContentLedger} so a restart finds them as they were. A job a restart interrupts comes back failed, saying
 * so; what it published or queued before stays, and it is not resumed.
 */
public final class ContentHost implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ContentHost.class);
    /** Searches read from the log for SEO terms, oldest first; enough to see what shoppers ask for. */
    private static final int MAX_SEARCH_EVENTS = 200_000;

    private final ContentStudio studio;
    private final PublishedContent published;
    private final ReviewQueue review;
    private final ContentJobs jobs;
    private final CatalogStore catalog;

    /** @param dataDir where the {@link ContentLedger} keeps published texts and the review queue across restarts */
    public ContentHost(CatalogStore catalog, EventLog events, Map<String, String> env, Path dataDir, ObjectMapper mapper, Clock clock) {
        this.catalog = catalog;
        TextGenerator generator = LlmConfig.fromEnv(env).<TextGenerator>map(c -> {
            log.atInfo().addKeyValue("llm", c).log("content generation through an OpenAI-compatible server");
            return new OpenAiTextGenerator(c);
        }).orElseGet(Composer::new);
        this.studio = ContentStudio.of(generator, BrandVoice.plainSpoken(), PipelineSettings.defaults(), Discriminator.withPrior());
        ContentLedger ledger = new ContentLedger(dataDir, mapper);
        this.published = new PublishedContent(ledger);
        this.review = new ReviewQueue(published, clock, ledger);
        this.jobs = new ContentJobs(studio.pipeline(), this::products,
                all -> new FactRetriever(all, Map.of(), SearchTerms.fromLog(events, MAX_SEARCH_EVENTS, 2)), published, review, clock,
                ledger);
    }

    /** Every product of the catalogue, page by page. */
    public List<Product> products() {
        List<Product> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<Product> page = catalog.page(after, 1000);
            out.addAll(page);
            if (page.size() < 1000) return out;
            after = page.get(page.size() - 1).id().value();
        }
    }

    public ContentStudio studio() { return studio; }

    public PublishedContent published() { return published; }

    public ReviewQueue review() { return review; }

    public ContentJobs jobs() { return jobs; }

    public CatalogStore catalog() { return catalog; }

    @Override public void close() { jobs.close(); }
}
