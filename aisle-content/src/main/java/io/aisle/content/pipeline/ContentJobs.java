package io.aisle.content.pipeline;

import io.aisle.content.ContentKind;
import io.aisle.content.facts.FactRetriever;
import io.aisle.content.facts.ProductFacts;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.validation.Errors;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs content jobs in the background, one at a time (texts of one job are checked against those published before
 * them): for each product and kind, the pipeline publishes or queues for review. Progress is readable while a job
 * runs. Jobs are recorded in the journal when queued, started and finished; a job the journal shows unfinished was
 * cut short by a stop and comes back failed, saying so (its texts written before the stop stay).
 */
public final class ContentJobs implements AutoCloseable {
    /** Where a job is. */
    public enum State { QUEUED, RUNNING, DONE, FAILED;
        public String wire() { return name().toLowerCase(Locale.ROOT); }
    }

    /**
     * What to write.
     *
     * @param products the products, or empty for the whole catalogue
     * @param segment  shopper segment for email snippets; may be empty
     */
    public record Spec(List<ProductId> products, List<ContentKind> kinds, Locale locale, String segment) {
        public Spec {
            products = List.copyOf(products);
            kinds = List.copyOf(kinds);
            locale = locale == null ? Locale.ENGLISH : locale;
            segment = segment == null ? "" : segment;
            Errors errors = new Errors();
            if (kinds.isEmpty()) errors.add("kinds", "must list at least one of " + perProductKinds());
            for (int i = 0; i < kinds.size(); i++) {
                if (!kinds.get(i).perProduct()) errors.add("kinds[" + i + "]", kinds.get(i).wire() + " is not written per product; use one of " + perProductKinds());
            }
            errors.throwIfAny();
        }
    }

    /** A job's progress; counts are texts (products x kinds). */
    public record Status(String id, State state, Spec spec, int total, int done, int published, int escalated,
                         int failed, String error, Instant createdAt, Instant finishedAt) {}

    private final ContentPipeline pipeline;
    private final Supplier<List<Product>> catalogue;
    private final java.util.function.Function<List<Product>, FactRetriever> retrievers;
    private final PublishedContent published;
    private final ReviewQueue review;
    private final Clock clock;
    private final ExecutorService executor;
    private final Map<String, Status> jobs = new ConcurrentHashMap<>();
    private final SequentialIds ids = new SequentialIds("job-");
    private final ContentJournal journal;

    /** Jobs in memory only. */
    public ContentJobs(ContentPipeline pipeline, Supplier<List<Product>> catalogue,
                       java.util.function.Function<List<Product>, FactRetriever> retrievers, PublishedContent published,
                       ReviewQueue review, Clock clock) {
        this(pipeline, catalogue, retrievers, published, review, clock, ContentJournal.none());
    }

    /** The jobs {@code journal} holds, and every new one recorded in it; new ids follow the highest. */
    public ContentJobs(ContentPipeline pipeline, Supplier<List<Product>> catalogue,
                       java.util.function.Function<List<Product>, FactRetriever> retrievers, PublishedContent published,
                       ReviewQueue review, Clock clock, ContentJournal journal) {
        this.journal = journal;
        for (Status s : journal.replay().jobs()) {
            jobs.put(s.id(), s.state() == State.QUEUED || s.state() == State.RUNNING ? interrupted(s) : s);
            ids.restored(s.id());
        }
        this.pipeline = pipeline;
        this.catalogue = catalogue;
        this.retrievers = retrievers;
        this.published = published;
        this.review = review;
        this.clock = clock;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "content-jobs");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a job and returns at once. */
    public Status submit(Spec spec) {
        String id = ids.next();
        Status queued = new Status(id, State.QUEUED, spec, 0, 0, 0, 0, 0, "", clock.instant(), null);
        record(queued);
        executor.submit(() -> run(queued));
        return queued;
    }

    public Optional<Status> status(String id) { return Optional.ofNullable(jobs.get(id)); }

    public List<Status> all() { return new ArrayList<>(jobs.values()); }

    private void run(Status queued) {
        Spec spec = queued.spec();
        try {
            List<Product> all = catalogue.get();
            FactRetriever retriever = retrievers.apply(all);
            List<Product> chosen = spec.products().isEmpty() ? all.stream().filter(p -> !p.isVariant()).toList()
                    : all.stream().filter(p -> spec.products().contains(p.id())).toList();
            int total = chosen.size() * spec.kinds().size();
            int done = 0, pub = 0, esc = 0, failed = 0;
            record(new Status(queued.id(), State.RUNNING, spec, total, 0, 0, 0, 0, "", queued.createdAt(), null));
            for (Product p : chosen) {
                ProductFacts facts = retriever.facts(p);
                for (ContentKind kind : spec.kinds()) {
                    try {
                        ContentOutcome o = pipeline.product(facts, kind, spec.locale(), spec.segment());
                        if (o instanceof ContentOutcome.Published ok) {
                            published.put(new PublishedText(ok.subject(), kind, spec.locale(), ok.chosen().text(), ok.chosen().backend(), "auto", clock.instant()));
                            pub++;
                        } else {
                            review.add(o);
                            esc++;
                        }
                    } catch (RuntimeException e) {
                        failed++;
                    }
                    done++;
                    jobs.put(queued.id(), new Status(queued.id(), State.RUNNING, spec, total, done, pub, esc, failed, "", queued.createdAt(), null));
                }
            }
            record(new Status(queued.id(), State.DONE, spec, total, done, pub, esc, failed, "", queued.createdAt(), clock.instant()));
        } catch (RuntimeException e) {
            Status s = jobs.get(queued.id());
            Status failed = new Status(queued.id(), State.FAILED, spec, s.total(), s.done(), s.published(), s.escalated(),
                    s.failed(), String.valueOf(e.getMessage()), queued.createdAt(), clock.instant());
            try {
                record(failed);
            } catch (RuntimeException journalFailed) {
                jobs.put(failed.id(), failed); // the journal is what failed: keep the state readable at least
            }
        }
    }

    private void record(Status status) {
        journal.job(status);
        jobs.put(status.id(), status);
    }

    /** A job the journal shows queued or running: the process stopped before it finished. */
    private static Status interrupted(Status s) {
        return new Status(s.id(), State.FAILED, s.spec(), s.total(), s.done(), s.published(), s.escalated(), s.failed(),
                "interrupted: the server stopped before this job finished; texts written before that stay, submit the job again for the rest",
                s.createdAt(), null);
    }

    static String perProductKinds() {
        return String.join(", ", java.util.Arrays.stream(ContentKind.values()).filter(ContentKind::perProduct).map(ContentKind::wire).toList());
    }

    @Override public void close() { executor.shutdownNow(); }
}
