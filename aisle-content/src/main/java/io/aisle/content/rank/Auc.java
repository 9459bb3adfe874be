package io.aisle.content.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Area under the ROC curve from aggregated outcomes: each group is one score with its count of positives and
 * negatives (a served variant's clicks and non-clicks). Tied scores count half, as in the Mann-Whitney statistic.
 */
public final class Auc {
    private Auc() {}

    /** One score and the outcomes observed at it. */
    public record Group(double score, double positives, double negatives) {}

    public static double of(List<Group> groups) {
        List<Group> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingDouble(Group::score));
        double negativesBelow = 0, totalPos = 0, totalNeg = 0, area = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            double pos = 0, neg = 0;
            while (j < sorted.size() && sorted.get(j).score() == sorted.get(i).score()) {
                pos += sorted.get(j).positives();
                neg += sorted.get(j).negatives();
                j++;
            }
            area += pos * (negativesBelow + neg / 2);
            negativesBelow += neg;
            totalPos += pos;
            totalNeg += neg;
            i = j;
        }
        return totalPos == 0 || totalNeg == 0 ? 0.5 : area / (totalPos * totalNeg);
    }
}
