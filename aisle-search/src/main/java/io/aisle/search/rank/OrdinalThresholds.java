package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;

import java.util.Arrays;

/**
 * Cut points that turn continuous scores into ordinal grades min..max: a score above {@code cuts[j]} and not above
 * {@code cuts[j+1]} gets grade {@code min + j + 1}. Fitted on training data only: first so the predicted grades
 * have the training grade distribution, then optionally refined one cut at a time to maximise training
 * quadratic weighted kappa.
 */
public final class OrdinalThresholds {
    /** Candidate positions per cut during refinement: quantiles of the training scores. */
    private static final int CANDIDATES = 200;
    private static final int MAX_PASSES = 5;

    private final int min;
    private final double[] cuts;

    private OrdinalThresholds(int min, double[] cuts) {
        this.min = min;
        this.cuts = cuts;
    }

    /** Fits cut points for grades min..max on training {@code scores} and their true {@code labels}. */
    public static OrdinalThresholds fit(double[] scores, int[] labels, int min, int max, boolean refineForKappa) {
        if (scores == null || labels == null) throw new ValidationException("scores", "must not be null");
        if (scores.length != labels.length) {
            throw new ValidationException("labels", "has " + labels.length + " values, scores has " + scores.length);
        }
        if (scores.length == 0) throw new ValidationException("scores", "must not be empty");
        if (max <= min) throw new ValidationException("max", "must be greater than min " + min + ", got " + max);
        int grades = max - min + 1;
        int[] counts = new int[grades];
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) throw new ValidationException("scores[" + i + "]", "must be finite, got " + scores[i]);
            if (labels[i] < min || labels[i] > max) {
                throw new ValidationException("labels[" + i + "]", "must be " + min + ".." + max + ", got " + labels[i]);
            }
            counts[labels[i] - min]++;
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] cuts = new double[grades - 1];
        int below = 0;
        for (int j = 0; j < cuts.length; j++) {
            below += counts[j];
            cuts[j] = between(sorted, below);
        }
        OrdinalThresholds fitted = new OrdinalThresholds(min, cuts);
        return refineForKappa ? fitted.refine(scores, labels, max, sorted) : fitted;
    }

    /** A cut with {@code below} of the sorted scores at or under it. */
    private static double between(double[] sorted, int below) {
        if (below <= 0) return sorted[0] - 1;
        if (below >= sorted.length) return sorted[sorted.length - 1] + 1;
        return (sorted[below - 1] + sorted[below]) / 2;
    }

    /** Coordinate ascent on training kappa: each cut in turn moves to its best candidate between its neighbours. */
    private OrdinalThresholds refine(double[] scores, int[] labels, int max, double[] sorted) {
        double[] candidates = new double[CANDIDATES + 1];
        for (int i = 0; i <= CANDIDATES; i++) candidates[i] = between(sorted, (int) ((long) i * sorted.length / CANDIDATES));
        double[] best = cuts.clone();
        double bestKappa = kappa(best, scores, labels, max);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean improved = false;
            for (int j = 0; j < best.length; j++) {
                double lo = j == 0 ? Double.NEGATIVE_INFINITY : best[j - 1];
                double hi = j == best.length - 1 ? Double.POSITIVE_INFINITY : best[j + 1];
                for (double c : candidates) {
                    if (c < lo || c > hi || c == best[j]) continue;
                    double[] trial = best.clone();
                    trial[j] = c;
                    double k = kappa(trial, scores, labels, max);
                    if (k > bestKappa + 1e-12) {
                        bestKappa = k;
                        best = trial;
                        improved = true;
                    }
                }
            }
            if (!improved) break;
        }
        return new OrdinalThresholds(min, best);
    }

    private double kappa(double[] trialCuts, double[] scores, int[] labels, int max) {
        int[] predicted = new int[scores.length];
        for (int i = 0; i < scores.length; i++) predicted[i] = grade(trialCuts, scores[i]);
        return RankingMetrics.quadraticWeightedKappa(labels, predicted, min, max);
    }

    private int grade(double[] c, double score) {
        int above = 0;
        while (above < c.length && score > c[above]) above++;
        return min + above;
    }

    /** The grade of one score. */
    public int label(double score) { return grade(cuts, score); }

    /** The grades of many scores. */
    public int[] labels(double[] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) out[i] = label(scores[i]);
        return out;
    }

    /** The cut points, ascending. */
    public double[] cuts() { return cuts.clone(); }
}
