package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses {@link RankingParams} by cross-validation inside the training data, so held-out data never influences
 * them. Each candidate is trained once per inner fold with its full round count and scored at every round count in
 * {@code roundSteps} (prefixes of the same trees), so trying many round counts costs no extra training.
 */
public final class RankingTuner {
    /** Quality of held-out predictions; higher is better. */
    @FunctionalInterface
    public interface Metric {
        double evaluate(List<RankingExample> heldOut, double[] scores);

        /** Mean nDCG@k over the held-out groups, using the labels as grades. */
        static Metric meanNdcg(int k) {
            return (heldOut, scores) -> {
                Map<String, List<Integer>> rowsOfGroup = new LinkedHashMap<>();
                for (int i = 0; i < heldOut.size(); i++) rowsOfGroup.computeIfAbsent(heldOut.get(i).group(), g -> new ArrayList<>()).add(i);
                double sum = 0;
                for (List<Integer> rows : rowsOfGroup.values()) {
                    Map<Integer, Integer> judged = new LinkedHashMap<>();
                    for (int r : rows) judged.put(r, heldOut.get(r).label());
                    List<Integer> ranking = rows.stream().sorted((a, b) -> Double.compare(scores[b], scores[a])).toList();
                    sum += RankingMetrics.ndcg(ranking, judged, k);
                }
                return sum / rowsOfGroup.size();
            };
        }

        /** Minus the root mean squared error between score and label. */
        static Metric negativeRmse() {
            return (heldOut, scores) -> {
                double se = 0;
                for (int i = 0; i < scores.length; i++) se += Math.pow(scores[i] - heldOut.get(i).label(), 2);
                return -Math.sqrt(se / scores.length);
            };
        }
    }

    /**
     * The chosen params, their mean inner-fold metric, the mean of every (candidate, rounds) tried in trial order,
     * and the best setting's held-out score of every example (each from the inner model that did not see it): what
     * to fit score-to-grade cut points on without using in-sample scores.
     */
    public record Result(RankingParams best, double bestScore, Map<RankingParams, Double> tried, double[] heldOutScores) {}

    private final List<RankingParams> candidates;
    private final int[] roundSteps;
    private final Metric metric;

    /**
     * @param candidates settings to compare; each is trained with its own {@code rounds}, the most tried for it
     * @param roundSteps round counts to score, each at least 1 (those above a candidate's rounds are skipped)
     */
    public RankingTuner(List<RankingParams> candidates, int[] roundSteps, Metric metric) {
        if (candidates == null || candidates.isEmpty()) throw new ValidationException("candidates", "must not be empty");
        if (roundSteps == null || roundSteps.length == 0) throw new ValidationException("roundSteps", "must not be empty");
        for (int r : roundSteps) if (r < 1) throw new ValidationException("roundSteps", "must all be at least 1, got " + r);
        if (metric == null) throw new ValidationException("metric", "must not be null");
        this.candidates = List.copyOf(candidates);
        this.roundSteps = roundSteps.clone();
        this.metric = metric;
    }

    /** Cross-validates every candidate over {@code folds} (rows of {@code examples}) and returns the best. */
    public Result tune(List<RankingExample> examples, GroupFolds folds) {
        if (examples == null || examples.isEmpty()) throw new ValidationException("examples", "must not be empty");
        if (folds.rows() != examples.size()) {
            throw new ValidationException("folds", "cover " + folds.rows() + " rows, examples has " + examples.size());
        }
        Map<RankingParams, Double> sums = new LinkedHashMap<>();
        Map<RankingParams, double[]> heldOut = new LinkedHashMap<>();
        for (int f = 0; f < folds.folds(); f++) {
            int[] testRows = folds.testRows(f);
            List<RankingExample> train = pick(examples, folds.trainRows(f));
            List<RankingExample> test = pick(examples, testRows);
            List<double[]> rows = test.stream().map(RankingExample::features).toList();
            for (RankingParams candidate : candidates) {
                try (RankingModel model = RankingModel.train(train, candidate)) {
                    for (int step : roundSteps) {
                        if (step > candidate.rounds()) continue;
                        RankingParams tried = candidate.withRounds(step);
                        double[] scores = model.score(rows, step);
                        sums.merge(tried, metric.evaluate(test, scores), Double::sum);
                        double[] all = heldOut.computeIfAbsent(tried, t -> new double[examples.size()]);
                        for (int i = 0; i < testRows.length; i++) all[testRows[i]] = scores[i];
                    }
                }
            }
        }
        if (sums.isEmpty()) throw new ValidationException("roundSteps", "no step is within any candidate's rounds");
        Map<RankingParams, Double> tried = new LinkedHashMap<>();
        RankingParams best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (var e : sums.entrySet()) {
            double mean = e.getValue() / folds.folds();
            tried.put(e.getKey(), mean);
            if (mean > bestScore) { // strict: the first (simplest, when listed so) of equal candidates wins
                bestScore = mean;
                best = e.getKey();
            }
        }
        return new Result(best, bestScore, tried, heldOut.get(best));
    }

    private static List<RankingExample> pick(List<RankingExample> examples, int[] rows) {
        List<RankingExample> out = new ArrayList<>(rows.length);
        for (int r : rows) out.add(examples.get(r));
        return out;
    }
}
