package io.aisle.server.recommend;

import io.aisle.core.recommend.Surface;

import java.util.Map;
import java.util.Objects;

/**
 * How much each source's scaled score counts, per surface. Defaults (home, similar, bought-together, next):
 * <pre>
 * co-visitation     1.00  1.00  1.00  1.00   sessions say most: what shoppers actually did together
 * model             1.00  0     0     1.00   trained sequence / two-tower models, once installed
 * behaviour         0.70  0.80  0.50  0.60   ALS vectors: same shoppers, beyond the graph's reach
 * content           0.40  0.80  0.20  0.40   copy alike: substitutes, and items nobody has seen yet
 * category-popular  0.35  0.20  0     0.30   best sellers of the shopper's (or product's) categories
 * segment           0.25  0     0.15  0      best sellers and risers of the shopper's department
 * trending          0.20  0     0     0.10   rising above their usual rate
 * popular           0.10  0     0     0      best sellers overall: the last fallback
 * </pre>
 * A source with weight 0 on a surface is not run there. Names the table does not know take the {@code model} row.
 */
public record BlendWeights(Map<String, double[]> bySource) {
    public static final String MODEL = "model";

    public BlendWeights {
        bySource = Map.copyOf(bySource);
        if (!bySource.containsKey(MODEL)) throw new IllegalArgumentException("bySource must have a '" + MODEL + "' row");
        bySource.forEach((k, v) -> {
            if (v.length != 4) throw new IllegalArgumentException(k + ": needs 4 weights (home, similar, bought_together, next)");
            for (double w : v) if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException(k + ": weights must be finite and >= 0");
        });
    }

    public static BlendWeights defaults() {
        return new BlendWeights(Map.of(
                CoVisitationSource.NAME, new double[]{1.0, 1.0, 1.0, 1.0},
                MODEL, new double[]{1.0, 0, 0, 1.0},
                VectorSource.BEHAVIOUR, new double[]{0.7, 0.8, 0.5, 0.6},
                VectorSource.CONTENT, new double[]{0.4, 0.8, 0.2, 0.4},
                PopularitySource.CATEGORY, new double[]{0.35, 0.2, 0, 0.3},
                PopularitySource.SEGMENT, new double[]{0.25, 0, 0.15, 0},
                PopularitySource.TRENDING, new double[]{0.2, 0, 0, 0.1},
                PopularitySource.POPULAR, new double[]{0.1, 0, 0, 0}));
    }

    public double weight(Surface surface, String source) {
        double[] row = bySource.getOrDefault(Objects.requireNonNull(source, "source"), bySource.get(MODEL));
        return row[column(surface)];
    }

    private static int column(Surface surface) {
        return switch (surface) {
            case Surface.Home h -> 0;
            case Surface.Similar s -> 1;
            case Surface.BoughtTogether b -> 2;
            case Surface.NextInSession n -> 3;
        };
    }
}
