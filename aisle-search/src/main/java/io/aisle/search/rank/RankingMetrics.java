package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Offline ranking and grading metrics. A ranking is a list of document ids, best first; judgments map judged ids to
 * integer grades (0 = irrelevant). Unjudged documents count as irrelevant unless a metric says otherwise.
 */
public final class RankingMetrics {
    private RankingMetrics() {}

    /**
     * nDCG@k with gain 2^grade - 1 and discount 1 / log2(1 + position). The ideal ranking sorts all judged documents
     * of the query by grade, so a ranking that misses relevant documents cannot reach 1. 0 when no judged document
     * has a positive grade.
     */
    public static <T> double ndcg(List<T> ranking, Map<T, Integer> judgments, int k) {
        checkK(k);
        double ideal = idealDcg(judgments, k);
        if (ideal == 0) return 0;
        double dcg = 0;
        int position = 0;
        Set<T> seen = new HashSet<>();
        for (T doc : ranking) {
            if (position == k) break;
            position++;
            // A document listed twice earns its gain once, so duplicates cannot inflate the score above 1.
            if (!seen.add(doc)) continue;
            Integer grade = judgments.get(doc);
            if (grade != null) dcg += gain(grade) / log2(position + 1);
        }
        return dcg / ideal;
    }

    /** nDCG@k after removing unjudged documents from the ranking ("condensed list", Sakai 2007). */
    public static <T> double condensedNdcg(List<T> ranking, Map<T, Integer> judgments, int k) {
        List<T> judged = new ArrayList<>();
        for (T doc : ranking) if (judgments.containsKey(doc)) judged.add(doc);
        return ndcg(judged, judgments, k);
    }

    /** Fraction of the top k places holding a judged document; places past the end of a short ranking count as unjudged. */
    public static <T> double judged(List<T> ranking, Map<T, Integer> judgments, int k) {
        checkK(k);
        int n = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) if (judgments.containsKey(ranking.get(i))) n++;
        return n / (double) k;
    }

    /** Relevant (grade > 0) documents in the top k over all judged relevant documents of the query; 0 when none. */
    public static <T> double recall(List<T> ranking, Map<T, Integer> judgments, int k) {
        checkK(k);
        long relevant = judgments.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) return 0;
        Set<T> found = new HashSet<>();
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            Integer grade = judgments.get(ranking.get(i));
            if (grade != null && grade > 0) found.add(ranking.get(i));
        }
        return found.size() / (double) relevant;
    }

    /**
     * Quadratic weighted kappa between two ratings of the same items, each an integer in [min, max]: 1 is perfect
     * agreement, 0 what chance gives, negative worse than chance. Defined as 1 when both raters put every item in
     * the same single grade (no disagreement is possible).
     */
    public static double quadraticWeightedKappa(int[] actual, int[] predicted, int min, int max) {
        if (actual == null || predicted == null) throw new ValidationException("ratings", "must not be null");
        if (actual.length != predicted.length) {
            throw new ValidationException("predicted", "has " + predicted.length + " ratings, actual has " + actual.length);
        }
        if (actual.length == 0) throw new ValidationException("actual", "must not be empty");
        if (max <= min) throw new ValidationException("max", "must be greater than min " + min + ", got " + max);
        int grades = max - min + 1;
        double[][] observed = new double[grades][grades];
        double[] histA = new double[grades];
        double[] histP = new double[grades];
        for (int i = 0; i < actual.length; i++) {
            int a = grade(actual[i], min, max, "actual[" + i + "]");
            int p = grade(predicted[i], min, max, "predicted[" + i + "]");
            observed[a][p]++;
            histA[a]++;
            histP[p]++;
        }
        double n = actual.length;
        double num = 0;
        double den = 0;
        double span = (grades - 1) * (double) (grades - 1);
        for (int i = 0; i < grades; i++) {
            for (int j = 0; j < grades; j++) {
                double w = (i - j) * (double) (i - j) / span;
                num += w * observed[i][j];
                den += w * histA[i] * histP[j] / n;
            }
        }
        return den == 0 ? 1 : 1 - num / den;
    }

    private static int grade(int value, int min, int max, String field) {
        if (value < min || value > max) throw new ValidationException(field, "must be " + min + ".." + max + ", got " + value);
        return value - min;
    }

    private static <T> double idealDcg(Map<T, Integer> judgments, int k) {
        int[] grades = judgments.values().stream().mapToInt(Integer::intValue).filter(g -> g > 0)
                .boxed().sorted((a, b) -> b - a).mapToInt(Integer::intValue).toArray();
        double dcg = 0;
        for (int i = 0; i < Math.min(k, grades.length); i++) dcg += gain(grades[i]) / log2(i + 2);
        return dcg;
    }

    private static double gain(int grade) { return grade <= 0 ? 0 : Math.pow(2, grade) - 1; }

    private static double log2(double x) { return Math.log(x) / Math.log(2); }

    private static void checkK(int k) {
        if (k < 1) throw new ValidationException("k", "must be at least 1, got " + k);
    }
}
