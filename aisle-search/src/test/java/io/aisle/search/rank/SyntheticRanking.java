package io.aisle.search.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Made-up ranking problems with a known answer, for the re-ranker's tests. */
final class SyntheticRanking {
    private SyntheticRanking() {}

    static final int SIGNAL = RankFeatures.NAMES.indexOf("bm25_title");
    static final int NOISE = RankFeatures.NAMES.indexOf("vector_similarity");

    /**
     * {@code groups} queries of {@code perGroup} products; the grade (0..3) is floor(4 x) of the bm25_title feature x,
     * vector_similarity is noise, popularity is missing for every other row and the rest are missing.
     */
    static List<RankingExample> labelFromOneFeature(int groups, int perGroup, long seed) {
        Random random = new Random(seed);
        List<RankingExample> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < perGroup; i++) {
                double[] f = missing();
                double x = random.nextDouble();
                f[SIGNAL] = x;
                f[NOISE] = random.nextDouble();
                if (i % 2 == 0) f[RankFeatures.NAMES.indexOf("popularity")] = random.nextDouble() * 5;
                out.add(new RankingExample("q" + g, (int) Math.min(3, Math.floor(4 * x)), f));
            }
        }
        return out;
    }

    static double[] missing() {
        double[] f = new double[RankFeatures.NAMES.size()];
        Arrays.fill(f, Double.NaN);
        return f;
    }

    static List<double[]> features(List<RankingExample> examples) {
        return examples.stream().map(RankingExample::features).toList();
    }

    /** Mean nDCG@10 over the groups of {@code examples} when ranked by {@code scores}. */
    static double meanNdcg(List<RankingExample> examples, double[] scores) {
        return RankingTuner.Metric.meanNdcg(10).evaluate(examples, scores);
    }
}
