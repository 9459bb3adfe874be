package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a {@link RankingModel} is trained: objective and tree-boosting settings. Training is deterministic for a given
 * {@code seed} and {@code nthread}; one thread is the default because XGBoost's histogram sums can differ in the last
 * bits when split over threads.
 *
 * @param rounds          boosting rounds (trees)
 * @param maxDepth        depth of each tree
 * @param eta             learning rate, (0, 1]
 * @param minChildWeight  minimum hessian sum in a leaf; larger is more conservative
 * @param subsample       fraction of rows sampled per tree, (0, 1]
 * @param colsampleByTree fraction of features sampled per tree, (0, 1]
 * @param lambda          L2 penalty on leaf weights
 */
public record RankingParams(RankingObjective objective, int rounds, int maxDepth, double eta, double minChildWeight,
                            double subsample, double colsampleByTree, double lambda, long seed, int nthread) {
    /** Highest relevance grade accepted: LambdaMART's exponential gain 2^label - 1 overflows beyond it. */
    public static final int MAX_LABEL = 31;

    public RankingParams {
        if (objective == null) throw new ValidationException("objective", "must not be null");
        if (rounds < 1 || rounds > 100_000) throw new ValidationException("rounds", "must be 1..100000, got " + rounds);
        if (maxDepth < 1 || maxDepth > 16) throw new ValidationException("maxDepth", "must be 1..16, got " + maxDepth);
        if (!(eta > 0 && eta <= 1)) throw new ValidationException("eta", "must be in (0, 1], got " + eta);
        if (!(minChildWeight >= 0)) throw new ValidationException("minChildWeight", "must not be negative, got " + minChildWeight);
        if (!(subsample > 0 && subsample <= 1)) throw new ValidationException("subsample", "must be in (0, 1], got " + subsample);
        if (!(colsampleByTree > 0 && colsampleByTree <= 1)) {
            throw new ValidationException("colsampleByTree", "must be in (0, 1], got " + colsampleByTree);
        }
        if (!(lambda >= 0)) throw new ValidationException("lambda", "must not be negative, got " + lambda);
        if (nthread < 1) throw new ValidationException("nthread", "must be at least 1, got " + nthread);
    }

    /**
     * LambdaMART, 300 trees of depth 6 at eta 0.05, row and feature sampling 0.8, one thread: common settings for a
     * few thousand to a few hundred thousand judged pairs, fixed before any benchmark was run.
     */
    public static RankingParams defaults() {
        return new RankingParams(RankingObjective.LAMBDAMART, 300, 6, 0.05, 1, 0.8, 0.8, 1, 42, 1);
    }

    public RankingParams withObjective(RankingObjective o) {
        return new RankingParams(o, rounds, maxDepth, eta, minChildWeight, subsample, colsampleByTree, lambda, seed, nthread);
    }

    public RankingParams withRounds(int r) {
        return new RankingParams(objective, r, maxDepth, eta, minChildWeight, subsample, colsampleByTree, lambda, seed, nthread);
    }

    public RankingParams withMaxDepth(int d) {
        return new RankingParams(objective, rounds, d, eta, minChildWeight, subsample, colsampleByTree, lambda, seed, nthread);
    }

    public RankingParams withEta(double e) {
        return new RankingParams(objective, rounds, maxDepth, e, minChildWeight, subsample, colsampleByTree, lambda, seed, nthread);
    }

    public RankingParams withMinChildWeight(double w) {
        return new RankingParams(objective, rounds, maxDepth, eta, w, subsample, colsampleByTree, lambda, seed, nthread);
    }

    public RankingParams withSeed(long s) {
        return new RankingParams(objective, rounds, maxDepth, eta, minChildWeight, subsample, colsampleByTree, lambda, s, nthread);
    }

    public RankingParams withNthread(int n) {
        return new RankingParams(objective, rounds, maxDepth, eta, minChildWeight, subsample, colsampleByTree, lambda, seed, n);
    }

    /** The booster parameters handed to XGBoost (rounds are passed separately). */
    Map<String, Object> toXgboost() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", objective.xgboostName());
        p.put("booster", "gbtree");
        p.put("tree_method", "hist");
        p.put("max_depth", maxDepth);
        p.put("eta", eta);
        p.put("min_child_weight", minChildWeight);
        p.put("subsample", subsample);
        p.put("colsample_bytree", colsampleByTree);
        p.put("lambda", lambda);
        // XGBoost's seed is a 32-bit int; fold the long so every bit of it counts.
        p.put("seed", (int) (seed ^ (seed >>> 32)));
        p.put("nthread", nthread);
        p.put("verbosity", 0);
        if (objective == RankingObjective.LAMBDAMART) p.put("eval_metric", "ndcg@10");
        return p;
    }
}
