package io.aisle.bench.recs;

import io.aisle.bench.BenchReport;
import io.aisle.core.validation.ValidationException;
import io.aisle.recommend.data.AttributeFile;
import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.data.SequenceFile;
import io.aisle.recommend.eval.LeaveOneOut;
import io.aisle.recommend.eval.RankingEvaluator;
import io.aisle.recommend.eval.RankingReport;
import io.aisle.recommend.model.ItemScorer;
import io.aisle.recommend.neural.twotower.ColdItemSplit;
import io.aisle.recommend.neural.twotower.TwoTowerConfig;
import io.aisle.recommend.pipeline.BaselineTuning;
import io.aisle.recommend.pipeline.RecsPipeline;
import io.aisle.recommend.pipeline.SourceFit;
import io.aisle.recommend.pipeline.Tuned;
import io.aisle.recommend.rank.CandidateRanker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Next-item recommendation on a sequence dataset (one user per line, items in time order), leave-one-out with full
 * ranking: every baseline (popularity, item-kNN, EASE, transitions) is tuned on the validation step and refit on
 * all but the last item, then Aisle's learned ranker over those sources (plus its neural sources) is trained on the
 * validation step and tested on the last item. Run with
 * {@code aisle bench recs --data ../shared/data/amazon-beauty [--json FILE]}.
 */
public final class RecsBenchmark {

    /**
     * @param data          a dataset directory (its sequence .txt file and optional *item2attributes.json) or the file
     * @param easeMaxItems  EASE needs an n×n dense inverse; above this many items it is left out (and said so)
     * @param neural        whether Aisle's two-tower model joins the ranker (and the cold-item split runs)
     * @param sasrec        whether SASRec joins the ranker too (about five more minutes of training)
     */
    public record Options(Path data, int easeMaxItems, boolean neural, boolean sasrec, long seed) {
        public Options {
            if (data == null) throw new ValidationException("--data", "is required");
            if (easeMaxItems < 0) throw new ValidationException("--ease-max-items", "must be >= 0, got " + easeMaxItems);
        }

        public static Options of(Path data) { return new Options(data, 16_000, true, false, 42); }
    }

    private final Options options;
    private final Consumer<String> progress;
    private final NeuralSources neural;

    /** Benchmarks with Aisle's neural sources (the two-tower model) when {@link Options#neural()} is on. */
    public RecsBenchmark(Options options, Consumer<String> progress) {
        this(options, (split, content, p) -> {
            List<SourceFit> fits = new ArrayList<>();
            if (options.neural()) fits.add(new TwoTowerSource(content, TwoTowerConfig.defaults().withSeed(options.seed()), p));
            if (options.sasrec()) fits.add(new SasRecSource(split, options.seed(), p));
            return fits;
        }, progress);
    }

    public RecsBenchmark(Options options, NeuralSources neural, Consumer<String> progress) {
        this.options = options;
        this.neural = neural;
        this.progress = progress;
    }

    /** Extra Aisle sources fit on the validation-training histories (the ranker's neural inputs). */
    public interface NeuralSources {
        NeuralSources NONE = (split, content, progress) -> List.of();

        List<SourceFit> sources(LeaveOneOut split, ItemContent content, Consumer<String> progress);
    }

    public BenchReport run() {
        long started = System.nanoTime();
        Path file = sequenceFile(options.data());
        SequenceFile.Loaded loaded;
        ItemContent content;
        try {
            loaded = SequenceFile.read(file);
            Path attributes = attributeFile(file.getParent());
            content = attributes == null ? ItemContent.none(loaded.sequences().itemCount())
                    : AttributeFile.read(attributes, loaded.items());
            progress.accept(String.format("read %d users, %d items, %d interactions from %s%s", loaded.sequences().users(),
                    loaded.sequences().itemCount(), loaded.sequences().interactions(), file,
                    attributes == null ? " (no item attributes)" : ", attributes from " + attributes.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        LeaveOneOut split = LeaveOneOut.of(loaded.sequences());
        RankingEvaluator excluding = new RankingEvaluator(true);
        RankingEvaluator including = new RankingEvaluator(false);
        BaselineTuning tuning = new BaselineTuning(split, excluding, progress);

        List<BaselineTuning.Result> baselines = new ArrayList<>();
        baselines.add(timed("popularity", tuning::popularity));
        baselines.add(timed("item-knn", tuning::itemKnn));
        boolean ease = loaded.sequences().itemCount() <= options.easeMaxItems();
        if (ease) baselines.add(timed("ease", tuning::ease));
        else progress.accept("ease left out: " + loaded.sequences().itemCount() + " items > --ease-max-items " + options.easeMaxItems());
        baselines.add(timed("transition", tuning::transitions));

        BenchReport report = new BenchReport("recs", datasetName(file));
        double bestBaseline = 0;
        String bestName = "";
        for (BaselineTuning.Result b : baselines) {
            long t = System.nanoTime();
            ItemScorer model = b.fit().fit(split.testTraining());
            double trainS = b.tuned().seconds() + (System.nanoTime() - t) / 1e9;
            RankingReport r = put(report, b.tuned().name(), model, split, excluding, including, trainS, b.tuned());
            if (r.ndcg10() > bestBaseline) {
                bestBaseline = r.ndcg10();
                bestName = b.tuned().name();
            }
        }

        long t = System.nanoTime();
        List<SourceFit> sources = new ArrayList<>();
        // The ranker's inputs: every tuned classic source except popularity (an item feature already) ...
        for (BaselineTuning.Result b : baselines) {
            if (b.tuned().name().equals("popularity")) continue;
            sources.add(b.fit());
            sources.addAll(b.extras());
        }
        // ... and the neural ones.
        List<SourceFit> neuralFits = neural.sources(split, content, progress);
        sources.addAll(neuralFits);
        CandidateRanker.Config d = CandidateRanker.Config.defaults();
        CandidateRanker.Config rankerConfig = new CandidateRanker.Config(d.perSource(), d.rounds(), d.maxDepth(), d.eta(),
                d.minChildWeight(), d.earlyStop(), d.holdout(), options.seed());
        RecsPipeline pipeline = new RecsPipeline(sources, rankerConfig, progress);
        RecsPipeline.Fitted fitted = pipeline.fit(split, content);
        double aisleTrain = (System.nanoTime() - t) / 1e9 + baselines.stream().mapToDouble(b -> b.tuned().seconds()).sum();
        RankingReport aisle = put(report, "aisle", fitted.ranker(), split, excluding, including, aisleTrain, null);
        report.put("aisle", "candidate_recall", fitted.report().candidateRecall());
        for (int i = 0; i < neuralFits.size(); i++) {
            ItemScorer alone = fitted.ranker().sources().get(sources.size() - neuralFits.size() + i);
            put(report, "aisle-" + alone.name(), alone, split, excluding, including, Double.NaN, null);
        }
        if (options.neural()) coldItems(report, loaded, content);
        double lift = bestBaseline > 0 ? aisle.ndcg10() / bestBaseline - 1 : Double.NaN;
        progress.accept(String.format("aisle ndcg@10 %.4f vs best baseline %s %.4f: %+.1f%%; ranker uses %s",
                aisle.ndcg10(), bestName, bestBaseline, 100 * lift, top(fitted.ranker().importance())));
        report.put("aisle", "lift_vs_best_baseline", lift);
        progress.accept(String.format("whole run %.1f s", (System.nanoTime() - started) / 1e9));
        return report;
    }

    /**
     * Cold start: 5% of items are hidden from every training history; the two-tower model places them from content
     * alone. Reported on the test events whose target is a hidden item, against popularity (which cannot rank an item
     * it never saw) and a random order among the hidden items.
     */
    private void coldItems(BenchReport report, SequenceFile.Loaded loaded, ItemContent content) {
        if (content.attributeCount() == 0 && !content.hasVectors()) {
            progress.accept("cold-item split skipped: the dataset has no item content");
            return;
        }
        ColdItemSplit.Result cold = new ColdItemSplit(0.05, options.seed()).run(loaded.sequences(), content,
                TwoTowerConfig.defaults().withSeed(options.seed()), e -> progress.accept(String.format("cold split: two-tower epoch %d (%.1fs)", e.epoch(), e.seconds())));
        progress.accept(String.format("cold items: %d hidden, %d test events; two-tower %s; among cold %s; popularity %s; random among cold %s",
                cold.coldItems(), cold.events(), cold.twoTower(), cold.twoTowerAmongCold(), cold.popularity(), cold.randomAmongCold()));
        report.put("aisle-two-tower", "cold_hr@10", cold.twoTower().hr10());
        report.put("aisle-two-tower", "cold_ndcg@10", cold.twoTower().ndcg10());
        report.put("aisle-two-tower", "cold_among_cold_hr@10", cold.twoTowerAmongCold().hr10());
        report.put("popularity", "cold_hr@10", cold.popularity().hr10());
        report.put("random-among-cold", "cold_among_cold_hr@10", cold.randomAmongCold().hr10());
    }

    private RankingReport put(BenchReport report, String system, ItemScorer model, LeaveOneOut split,
                              RankingEvaluator excluding, RankingEvaluator including, double trainSeconds, Tuned tuned) {
        RankingReport r = excluding.evaluate(model, split.test());
        r.metrics().forEach((k, v) -> report.put(system, k, v));
        RankingReport all = including.evaluate(model, split.test());
        report.put(system, "ndcg@10_with_history", all.ndcg10());
        report.put(system, "hr@10_with_history", all.hr10());
        if (tuned != null) report.put(system, "val_ndcg@10", tuned.validation().ndcg10());
        if (!Double.isNaN(trainSeconds)) report.put(system, "train_s", trainSeconds);
        progress.accept(String.format("%-12s test %s%s", system, r, tuned == null ? "" : "  [" + tuned.settings() + "]"));
        return r;
    }

    private BaselineTuning.Result timed(String name, java.util.function.Supplier<BaselineTuning.Result> tune) {
        progress.accept("tuning " + name + " on validation");
        BaselineTuning.Result r = tune.get();
        progress.accept(String.format("%s: best %s, validation ndcg@10 %.4f (%d settings, %.1fs)", name, r.tuned().settings(),
                r.tuned().validation().ndcg10(), r.tuned().evaluations(), r.tuned().seconds()));
        return r;
    }

    private static String top(Map<String, Double> importance) {
        return importance.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(5)
                .map(e -> String.format("%s %.0f", e.getKey(), e.getValue())).toList().toString();
    }

    static Path sequenceFile(Path data) {
        if (!Files.exists(data)) throw new ValidationException("--data", data + " does not exist");
        if (Files.isRegularFile(data)) return data;
        try (Stream<Path> files = Files.list(data)) {
            List<Path> candidates = files.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().matches("(?i)(SOURCE|BASELINES|README|LICENSE).*"))
                    .sorted().toList();
            if (candidates.size() != 1) {
                throw new ValidationException("--data", data + " must hold exactly one sequence .txt file besides SOURCE/BASELINES, found "
                        + candidates.stream().map(p -> p.getFileName().toString()).toList() + "; pass the file itself");
            }
            return candidates.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path attributeFile(Path dir) {
        if (dir == null) return null;
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith("item2attributes.json")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String datasetName(Path file) {
        Path dir = file.getParent();
        return dir == null ? file.getFileName().toString() : dir.getFileName().toString();
    }
}
