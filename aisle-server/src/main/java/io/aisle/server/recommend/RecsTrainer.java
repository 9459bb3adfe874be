package io.aisle.server.recommend;

import io.aisle.core.port.EventLog;
import io.aisle.core.port.ModelStore;
import io.aisle.core.port.ModelVersion;
import io.aisle.recommend.eval.RankingReport;
import io.aisle.recommend.pipeline.SequenceTraining;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Trains the served sequence model from the event log and stores it as the next version of {@value SequenceModel#NAME},
 * with the model report (validation-tuned settings, last-item NDCG@10 and HR@10 beside popularity) as its metadata.
 * Used by {@code aisle train recs} and by the server's scheduled {@link Retrainer}.
 */
public final class RecsTrainer {
    /** Shoppers with a validation item needed before the settings are tuned rather than left at their defaults. */
    private static final int MIN_TUNING_CASES = 50;

    private final EventLog log;
    private final ModelStore models;

    public RecsTrainer(EventLog log, ModelStore models) {
        this.log = Objects.requireNonNull(log, "log");
        this.models = Objects.requireNonNull(models, "models");
    }

    /** One training run: the stored version, the model, and what training measured. */
    public record Trained(ModelVersion version, SequenceModel model, SequenceTraining.Outcome outcome, long logOffset) {}

    /** @throws IllegalStateException when the log holds nothing to learn from */
    public Trained train(Consumer<String> progress) {
        ShopperSequences data = ShopperSequences.read(log, 2, progress);
        if (data.sequences().users() == 0) {
            throw new IllegalStateException("no shopper has two or more viewed, carted or bought items yet; nothing to learn from");
        }
        progress.accept(String.format(Locale.ROOT, "%,d events: %,d shoppers with 2+ items, %,d products, %,d interactions",
                data.events(), data.sequences().users(), data.vocabulary().size(), data.sequences().interactions()));
        SequenceTraining.Outcome outcome = new SequenceTraining(MIN_TUNING_CASES).train(data.sequences(), progress);
        SequenceModel model = new SequenceModel(data.vocabulary(), outcome.served());
        ModelVersion version = models.save(SequenceModel.NAME, model.toBytes(), report(outcome, data.logOffset()));
        return new Trained(version, model, outcome, data.logOffset());
    }

    /** The latest stored model, if any; a damaged artifact is reported, not served. */
    public Optional<Loaded> latest() {
        return models.latest(SequenceModel.NAME).map(v -> new Loaded(v, SequenceModel.fromBytes(models.load(v))));
    }

    /** A stored model with its version. */
    public record Loaded(ModelVersion version, SequenceModel model) {}

    private static Map<String, String> report(SequenceTraining.Outcome o, long logOffset) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("log_offset", String.valueOf(logOffset));
        m.put("shoppers", String.valueOf(o.shoppers()));
        m.put("items", String.valueOf(o.items()));
        m.put("interactions", String.valueOf(o.interactions()));
        m.put("tuned", String.valueOf(o.tuned()));
        m.put("settings", o.config().toString());
        m.put("train_s", String.format(Locale.ROOT, "%.1f", o.seconds()));
        put(m, "", o.model());
        put(m, "popularity_", o.popularity());
        return m;
    }

    private static void put(Map<String, String> m, String prefix, RankingReport r) {
        if (r == null) return;
        m.put(prefix + "ndcg@10", String.format(Locale.ROOT, "%.4f", r.ndcg10()));
        m.put(prefix + "hr@10", String.format(Locale.ROOT, "%.4f", r.hr10()));
        m.put(prefix + "test_cases", String.valueOf(r.cases()));
    }
}
