package io.aisle.bench.relevance;

import io.aisle.bench.BenchReport;
import io.aisle.search.rank.GroupFolds;
import io.aisle.search.rank.OrdinalThresholds;
import io.aisle.search.rank.RankFeatures;
import io.aisle.search.rank.RankingExample;
import io.aisle.search.rank.RankingMetrics;
import io.aisle.search.rank.RankingModel;
import io.aisle.search.rank.RankingObjective;
import io.aisle.search.rank.RankingParams;
import io.aisle.search.rank.RankingTuner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Cross-validation over the data's own folds: for each fold, everything (cut points, hyperparameters, the model) is
 * fitted on the other folds and judged on it. Systems: {@code bm25} and {@code vector} rank by one score;
 * {@code aisle} is the re-ranker with the regression objective, {@code aisle-lambdamart} with LambdaMART, each tuned
 * by inner cross-validation on the training folds only. Grades are predicted by cutting scores at points fitted on
 * training scores (held-out inner-fold scores for the learned systems).
 */
public final class RelevanceEvaluation {
    /** What the nDCG figure means here; printed with the table. */
    public static final String NOTE = "ndcg@10: each query's judged pool ranked by held-out scores, gain 2^(grade-1)-1 "
            + "(grade 1 = irrelevant = gain 0), mean over queries with a relevant product; qwk: grades 1-4 of all "
            + "held-out rows pooled; qwk_fold_mean: mean of the per-fold kappas";
    static final int MIN_GRADE = 1;
    static final int MAX_GRADE = 4;
    private static final int K = 10;
    /**
     * The tuning grid, fixed before any held-out figure was seen: two tree depths at learning rate 0.1, up to 300
     * rounds; inner cross-validation on the training folds picks depth and rounds for each outer fold.
     */
    private static final int[] DEPTHS = {4, 6};
    private static final double ETA = 0.1;
    private static final int MAX_ROUNDS = 300;
    private static final int[] ROUND_STEPS = {25, 50, 100, 150, 200, 300};

    /** A system in the comparison: baselines rank by a fixed score, learned systems fit a model per fold. */
    private sealed interface Entrant permits Baseline, Learned {
        String name();
    }

    private record Baseline(String name, double[] score) implements Entrant {}

    private record Learned(String name, RankingObjective objective, RankingTuner.Metric metric) implements Entrant {}

    /** One system on one fold: held-out scores and grades (test-row order), and what the model learned. */
    private record FoldOutcome(String system, int fold, int[] testRows, double[] scores, int[] grades,
                               RankingParams chosen, Map<String, Double> importance) {}

    private final List<JudgedPair> rows;
    private final List<RankFeatures> features;
    private final List<Entrant> systems;
    private final int innerFolds;
    private final int threads;
    private final Consumer<String> progress;

    public RelevanceEvaluation(List<JudgedPair> rows, PoolFeatures.Result features, int innerFolds, int threads,
                               Consumer<String> progress) {
        this.rows = List.copyOf(rows);
        this.features = features.features();
        this.systems = List.of(
                new Baseline("bm25", features.bm25All()),
                new Baseline("vector", features.vectorSimilarity()),
                new Learned("aisle", RankingObjective.REGRESSION, RankingTuner.Metric.negativeRmse()),
                new Learned("aisle-lambdamart", RankingObjective.LAMBDAMART, RankingTuner.Metric.meanNdcg(K)));
        this.innerFolds = innerFolds;
        this.threads = threads;
        this.progress = progress;
    }

    public BenchReport run(String dataset) {
        GroupFolds folds = GroupFolds.byFoldId(rows.stream().mapToInt(JudgedPair::fold).toArray());
        progress.accept("cross-validating over " + folds.folds() + " folds of " + rows.size() + " rows on " + threads + " threads");
        List<FoldOutcome> outcomes = runAll(folds);
        BenchReport report = new BenchReport("relevance", dataset);
        for (Entrant s : systems) {
            List<FoldOutcome> mine = outcomes.stream().filter(o -> o.system().equals(s.name())).toList();
            double[] scores = new double[rows.size()];
            int[] predicted = new int[rows.size()];
            double foldKappas = 0;
            for (FoldOutcome o : mine) {
                int[] actual = new int[o.testRows().length];
                for (int i = 0; i < actual.length; i++) {
                    scores[o.testRows()[i]] = o.scores()[i];
                    predicted[o.testRows()[i]] = o.grades()[i];
                    actual[i] = rows.get(o.testRows()[i]).grade();
                }
                foldKappas += RankingMetrics.quadraticWeightedKappa(actual, o.grades(), MIN_GRADE, MAX_GRADE);
            }
            int[] actual = rows.stream().mapToInt(JudgedPair::grade).toArray();
            report.put(s.name(), "qwk", RankingMetrics.quadraticWeightedKappa(actual, predicted, MIN_GRADE, MAX_GRADE))
                    .put(s.name(), "qwk_fold_mean", foldKappas / mine.size())
                    .put(s.name(), "ndcg@10", meanNdcg(scores));
            if (s instanceof Learned) describe(s.name(), mine);
        }
        return report;
    }

    private List<FoldOutcome> runAll(GroupFolds folds) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<FoldOutcome>> futures = new ArrayList<>();
            for (Entrant s : systems) {
                for (int f = 0; f < folds.folds(); f++) {
                    int fold = f;
                    futures.add(pool.submit(() -> evaluate(s, folds, fold)));
                }
            }
            List<FoldOutcome> out = new ArrayList<>();
            for (Future<FoldOutcome> future : futures) out.add(future.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private FoldOutcome evaluate(Entrant system, GroupFolds folds, int fold) {
        int[] train = folds.trainRows(fold);
        int[] test = folds.testRows(fold);
        int[] trainGrades = Arrays.stream(train).map(r -> rows.get(r).grade()).toArray();
        return switch (system) {
            case Baseline b -> {
                OrdinalThresholds cuts = OrdinalThresholds.fit(pick(b.score(), train), trainGrades, MIN_GRADE, MAX_GRADE, true);
                double[] scores = pick(b.score(), test);
                yield new FoldOutcome(b.name(), fold, test, scores, cuts.labels(scores), null, Map.of());
            }
            case Learned l -> {
                List<RankingExample> examples = Arrays.stream(train).mapToObj(this::example).toList();
                RankingTuner.Result tuned = tuner(l).tune(examples, innerFolds(train));
                OrdinalThresholds cuts = OrdinalThresholds.fit(tuned.heldOutScores(), trainGrades, MIN_GRADE, MAX_GRADE, true);
                try (RankingModel model = RankingModel.train(examples, tuned.best())) {
                    double[] scores = model.score(Arrays.stream(test).mapToObj(r -> features.get(r).toArray()).toList());
                    progress.accept(String.format("%s fold %d: depth %d, %d rounds (inner %.4f)", l.name(), fold + 1,
                            tuned.best().maxDepth(), tuned.best().rounds(), tuned.bestScore()));
                    yield new FoldOutcome(l.name(), fold, test, scores, cuts.labels(scores), tuned.best(), model.importance());
                }
            }
        };
    }

    private RankingExample example(int row) {
        JudgedPair r = rows.get(row);
        // Grade 1 (irrelevant) becomes label 0, so LambdaMART's gain 2^label - 1 is the benchmark's 2^(grade-1) - 1.
        return new RankingExample(r.query(), r.grade() - MIN_GRADE, features.get(row).toArray());
    }

    private static RankingTuner tuner(Learned l) {
        RankingParams base = RankingParams.defaults().withObjective(l.objective()).withRounds(MAX_ROUNDS).withEta(ETA);
        List<RankingParams> candidates = Arrays.stream(DEPTHS).mapToObj(base::withMaxDepth).toList();
        return new RankingTuner(candidates, ROUND_STEPS, l.metric());
    }

    /** Inner folds from the training rows' own fold ids, dealt round-robin, so inner splits look like the outer one. */
    private GroupFolds innerFolds(int[] train) {
        int[] ids = Arrays.stream(train).map(r -> rows.get(r).fold()).distinct().sorted().toArray();
        int[] inner = new int[train.length];
        for (int i = 0; i < train.length; i++) inner[i] = Arrays.binarySearch(ids, rows.get(train[i]).fold()) % Math.min(innerFolds, ids.length);
        return GroupFolds.byFoldId(inner);
    }

    /** Mean nDCG@10 over queries with at least one relevant product, each pool ranked by {@code scores}. */
    private double meanNdcg(double[] scores) {
        Map<String, List<Integer>> pools = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) pools.computeIfAbsent(rows.get(i).query(), q -> new ArrayList<>()).add(i);
        double sum = 0;
        int counted = 0;
        for (List<Integer> pool : pools.values()) {
            Map<Integer, Integer> judged = new LinkedHashMap<>();
            for (int r : pool) judged.put(r, rows.get(r).grade() - MIN_GRADE);
            if (judged.values().stream().noneMatch(g -> g > 0)) continue;
            List<Integer> ranking = pool.stream().sorted(Comparator.comparingDouble((Integer r) -> -scores[r]).thenComparingInt(r -> r)).toList();
            sum += RankingMetrics.ndcg(ranking, judged, K);
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** Chosen settings and the features the models lean on (share of total gain, averaged over folds). */
    private void describe(String system, List<FoldOutcome> outcomes) {
        Map<String, Double> share = new LinkedHashMap<>();
        for (FoldOutcome o : outcomes) {
            double total = o.importance().values().stream().mapToDouble(Double::doubleValue).sum();
            o.importance().forEach((name, gain) -> share.merge(name, gain / total / outcomes.size(), Double::sum));
        }
        StringBuilder sb = new StringBuilder(system + " gain share:");
        share.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(e -> sb.append(String.format(" %s %.2f", e.getKey(), e.getValue())));
        progress.accept(sb.toString());
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = values[rows[i]];
        return out;
    }
}
