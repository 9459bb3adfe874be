package io.aisle.server.recommend;

import io.aisle.core.port.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the served sequence model current: installs the latest stored one at start (so a model trained with
 * {@code aisle train recs} is served), then retrains on a schedule when enough new events have arrived and swaps the
 * new model in without a restart (requests in flight finish on the old one).
 */
public final class Retrainer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Retrainer.class);

    private final RecsTrainer trainer;
    private final EventLog events;
    private final RecommendationHost host;
    private final Duration every;
    private final long minNewEvents;
    private ScheduledExecutorService scheduler;
    private volatile long trainedAt = -1;

    /**
     * @param every        time between checks; {@link Duration#ZERO} turns scheduled retraining off
     * @param minNewEvents new log events needed since the served model's training before retraining
     */
    public Retrainer(RecsTrainer trainer, EventLog events, RecommendationHost host, Duration every, long minNewEvents) {
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.events = Objects.requireNonNull(events, "events");
        this.host = Objects.requireNonNull(host, "host");
        this.every = Objects.requireNonNull(every, "every");
        if (every.isNegative()) throw new IllegalArgumentException("every must not be negative");
        if (minNewEvents < 1) throw new IllegalArgumentException("minNewEvents must be at least 1, got " + minNewEvents);
        this.minNewEvents = minNewEvents;
    }

    /** Installs the stored model (if any) and starts the schedule. */
    public synchronized Retrainer start() {
        try {
            trainer.latest().ifPresent(l -> install(l.model(), l.version().version(),
                    Long.parseLong(l.version().metadata().getOrDefault("log_offset", "0"))));
        } catch (IllegalArgumentException e) {
            log.atWarn().addKeyValue("model", SequenceModel.NAME).addKeyValue("reason", e.getMessage())
                    .log("stored sequence model not served");
        }
        if (!every.isZero() && scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "aisle-recs-retrain");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::runScheduled, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Trains now when enough new events arrived; returns whether a new model was installed. */
    public boolean retrainIfDue() {
        long offset = events.lastOffset();
        if (offset - Math.max(0, trainedAt) < minNewEvents) return false;
        RecsTrainer.Trained t = trainer.train(msg -> log.atDebug().addKeyValue("step", msg).log("recs training"));
        install(t.model(), t.version().version(), t.logOffset());
        log.atInfo().addKeyValue("version", t.version().version()).addKeyValue("shoppers", t.outcome().shoppers())
                .addKeyValue("train_s", Math.round(t.outcome().seconds()))
                .addKeyValue("ndcg10", t.outcome().model() == null ? null : t.outcome().model().ndcg10())
                .log("sequence model retrained");
        return true;
    }

    private void runScheduled() {
        try {
            retrainIfDue();
        } catch (RuntimeException e) {
            // A failed run leaves the served model in place; the next run tries again.
            log.atWarn().addKeyValue("reason", e.getMessage()).log("sequence model retraining failed");
        }
    }

    private void install(SequenceModel model, int version, long logOffset) {
        host.install(RecommendationHost.DEFAULT_VARIANT, RecommenderModels.standard()
                .with(model.source(), RecommenderModels.standard().version() + "+" + SequenceModel.SOURCE + "-v" + version));
        trainedAt = logOffset;
    }

    @Override public synchronized void close() {
        if (scheduler != null) scheduler.shutdownNow();
        scheduler = null;
    }
}
