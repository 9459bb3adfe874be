package io.aisle.recommend.rank;

import io.aisle.recommend.eval.LeaveOneOut;
import io.aisle.recommend.model.ItemScorer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The learned ranker over candidate generators (LambdaMART, XGBoost): candidates are the union of each source's
 * top items, ranked by trees over the sources' scores and ranks plus item and history features. Trained on the
 * validation step (each user's second-to-last item) with sources fit on the data before it; it then ranks with
 * sources fit on more data, which only sharpens the same signals. Items that are not candidates rank below all
 * candidates, in the first source's order, so the ranking stays over all items.
 */
public final class CandidateRanker implements ItemScorer {

    /** Candidates per source and the tree settings. */
    public record Config(int perSource, int rounds, int maxDepth, double eta, double minChildWeight, int earlyStop,
                         double holdout, long seed) {
        public Config {
            if (perSource < 1) throw new IllegalArgumentException("perSource must be >= 1, got " + perSource);
            if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
            if (maxDepth < 1 || maxDepth > 16) throw new IllegalArgumentException("maxDepth must be 1..16, got " + maxDepth);
            if (!(eta > 0 && eta <= 1)) throw new IllegalArgumentException("eta must be in (0,1], got " + eta);
            if (!(minChildWeight >= 0)) throw new IllegalArgumentException("minChildWeight must be >= 0, got " + minChildWeight);
            if (earlyStop < 1) throw new IllegalArgumentException("earlyStop must be >= 1, got " + earlyStop);
            if (!(holdout > 0 && holdout < 1)) throw new IllegalArgumentException("holdout must be in (0,1), got " + holdout);
        }

        public static Config defaults() { return new Config(80, 400, 6, 0.05, 50, 30, 0.2, 42); }
    }

    /** What training saw: rows, users with the target among candidates (candidate recall) and trees kept. */
    public record TrainingReport(long rows, int groups, int cases, double candidateRecall, int trees, double holdoutNdcg,
                                 double seconds) {}

    private final List<ItemScorer> sources;
    private final ItemSide side;
    private final Config config;
    private final Booster booster;
    private final int trees;
    private final ThreadLocal<CandidateFeatures> features;

    private CandidateRanker(List<ItemScorer> sources, ItemSide side, Config config, Booster booster, int trees) {
        this.sources = List.copyOf(sources);
        this.side = side;
        this.config = config;
        this.booster = booster;
        this.trees = trees;
        this.features = ThreadLocal.withInitial(() -> new CandidateFeatures(this.sources, side, config.perSource()));
    }

    /** Feature names in row order for these sources. */
    public static List<String> featureNames(List<ItemScorer> sources) { return CandidateFeatures.names(sources); }

    /**
     * Learns the ranker from validation cases. {@code sources} must be fit on data that ends before each case's
     * target (the validation-training histories).
     */
    public static Trained train(List<ItemScorer> sources, ItemSide side, LeaveOneOut.Cases cases, Config config,
                                Consumer<String> progress) {
        if (sources.isEmpty()) throw new IllegalArgumentException("sources must not be empty");
        long started = System.nanoTime();
        int n = cases.size();
        ThreadLocal<CandidateFeatures> local = ThreadLocal.withInitial(() -> new CandidateFeatures(sources, side, config.perSource()));
        CandidateFeatures.Rows[] built = new CandidateFeatures.Rows[n];
        float[][] labels = new float[n][];
        int[] withTarget = new int[1];
        IntStream.range(0, n).parallel().forEach(u -> {
            int target = cases.targets()[u];
            if (target < 0) return;
            CandidateFeatures.Rows rows = local.get().build(cases.histories()[u], true);
            int hit = indexOf(rows.candidates(), target);
            if (hit < 0) return; // a group without a relevant item teaches LambdaMART nothing
            float[] l = new float[rows.candidates().length];
            l[hit] = 1;
            built[u] = new CandidateFeatures.Rows(rows.candidates(), rows.features(), rows.width(), null);
            labels[u] = l;
        });
        int width = local.get().width();
        List<Integer> train = new ArrayList<>();
        List<Integer> hold = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(config.seed());
        int cases0 = 0;
        for (int u = 0; u < n; u++) {
            if (cases.targets()[u] >= 0) cases0++;
            if (built[u] == null) continue;
            (random.nextDouble() < config.holdout() ? hold : train).add(u);
        }
        int groups = train.size() + hold.size();
        progress.accept(String.format("ranker: %d of %d cases have the target among candidates (recall %.3f)", groups, cases0,
                groups / (double) Math.max(1, cases0)));
        try {
            DMatrix dtrain = matrix(train, built, labels, width);
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "rank:ndcg");
            params.put("lambdarank_pair_method", "topk");
            params.put("lambdarank_num_pair_per_sample", 10);
            params.put("eta", config.eta());
            params.put("max_depth", config.maxDepth());
            params.put("min_child_weight", config.minChildWeight());
            params.put("subsample", 0.8);
            params.put("colsample_bytree", 0.8);
            params.put("tree_method", "hist");
            params.put("seed", config.seed());
            params.put("nthread", Runtime.getRuntime().availableProcessors());
            params.put("verbosity", 0);
            // Boost round by round and score the held-out users every few rounds: early stopping on the metric we
            // report, without XGBoost's console evaluation log.
            Booster booster = XGBoost.train(dtrain, params, 0, Map.of(), null, null);
            float[] holdData = concat(hold, built, width);
            int holdRows = holdData.length / width;
            int best = 0;
            double bestNdcg = -1;
            int step = 5;
            for (int r = 1; r <= config.rounds(); r++) {
                booster.update(dtrain, r - 1);
                if (r % step != 0 && r != config.rounds()) continue;
                double ndcg = holdoutNdcg(booster, r, holdData, holdRows, width, hold, built, labels);
                if (ndcg > bestNdcg + 1e-6) {
                    bestNdcg = ndcg;
                    best = r;
                } else if (r - best >= config.earlyStop()) {
                    break;
                }
            }
            int trees = best;
            double[] bestMetric = {bestNdcg};
            long rows = 0;
            for (int u : train) rows += built[u].candidates().length;
            for (int u : hold) rows += built[u].candidates().length;
            dtrain.dispose();
            double seconds = (System.nanoTime() - started) / 1e9;
            TrainingReport report = new TrainingReport(rows, groups, cases0, groups / (double) Math.max(1, cases0), trees,
                    bestMetric[0], seconds);
            progress.accept(String.format("ranker: %d rows, %d trees, holdout ndcg@10 among candidates %.4f, %.1fs",
                    rows, trees, bestMetric[0], seconds));
            return new Trained(new Model(booster, trees, featureNames(sources), config), report);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    /** A trained ranker with its training report. */
    public record Trained(Model model, TrainingReport report) {}

    /** The trees alone, independent of the sources' fitted state; bind to sources with {@link #bind}. */
    public record Model(Booster booster, int trees, List<String> featureNames, Config config) {

        /** A scorer over these sources (same names and order as in training, possibly refit on more data). */
        public CandidateRanker bind(List<ItemScorer> sources, ItemSide side) {
            List<String> names = CandidateFeatures.names(sources);
            if (!names.equals(featureNames)) {
                throw new IllegalArgumentException("sources give features " + names + " but the ranker was trained on " + featureNames);
            }
            return new CandidateRanker(sources, side, config, booster, trees);
        }

        public byte[] toBytes() {
            try {
                return booster.toByteArray("ubj");
            } catch (XGBoostError e) {
                throw new IllegalStateException("cannot serialise the ranker: " + e.getMessage(), e);
            }
        }

        public static Model fromBytes(byte[] bytes, int trees, List<String> featureNames, Config config) {
            try {
                return new Model(XGBoost.loadModel(new ByteArrayInputStream(bytes)), trees, List.copyOf(featureNames), config);
            } catch (XGBoostError e) {
                throw new IllegalArgumentException("not a ranker model: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static DMatrix matrix(List<Integer> users, CandidateFeatures.Rows[] built, float[][] labels, int width) throws XGBoostError {
        int rows = 0;
        for (int u : users) rows += built[u].candidates().length;
        float[] data = new float[rows * width];
        float[] label = new float[rows];
        int[] groups = new int[users.size()];
        int r = 0;
        for (int g = 0; g < users.size(); g++) {
            int u = users.get(g);
            CandidateFeatures.Rows b = built[u];
            System.arraycopy(b.features(), 0, data, r * width, b.features().length);
            System.arraycopy(labels[u], 0, label, r, labels[u].length);
            groups[g] = b.candidates().length;
            r += b.candidates().length;
        }
        DMatrix m = new DMatrix(data, rows, width, Float.NaN);
        m.setLabel(label);
        m.setGroup(groups);
        return m;
    }

    private static float[] concat(List<Integer> users, CandidateFeatures.Rows[] built, int width) {
        int rows = 0;
        for (int u : users) rows += built[u].candidates().length;
        float[] data = new float[rows * width];
        int r = 0;
        for (int u : users) {
            System.arraycopy(built[u].features(), 0, data, r * width, built[u].features().length);
            r += built[u].candidates().length;
        }
        return data;
    }

    /** Mean NDCG@10 of the target among each held-out user's candidates, with the first {@code trees} trees. */
    private static double holdoutNdcg(Booster booster, int trees, float[] data, int rows, int width, List<Integer> users,
                                      CandidateFeatures.Rows[] built, float[][] labels) throws XGBoostError {
        if (users.isEmpty()) return 0;
        float[][] out = booster.inplace_predict(data, rows, width, Float.NaN, new int[] {0, trees},
                Booster.PredictionType.kValue, null);
        double sum = 0;
        int r = 0;
        for (int u : users) {
            int n = built[u].candidates().length;
            int target = -1;
            for (int c = 0; c < n; c++) if (labels[u][c] > 0) target = c;
            int above = 0;
            for (int c = 0; c < n; c++) if (c != target && out[r + c][0] >= out[r + target][0]) above++;
            if (above < 10) sum += 1 / (Math.log(above + 2) / Math.log(2));
            r += n;
        }
        return sum / users.size();
    }

    private static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) if (a[i] == x) return i;
        return -1;
    }

    @Override public String name() { return "aisle"; }

    /** History items are never candidates here: a recommender re-suggesting what was just seen is rarely wanted. */
    @Override public void score(int[] history, float[] scores) {
        CandidateFeatures.Rows rows = features.get().build(history, true);
        int n = rows.candidates().length;
        // Non-candidates: far below every candidate, in the first source's order.
        float[] fb = rows.fallback();
        for (int i = 0; i < scores.length; i++) {
            float f = fb[i];
            scores[i] = Float.isFinite(f) ? -1e6f + (float) Math.tanh(f) : Float.NEGATIVE_INFINITY;
        }
        if (n == 0) return;
        try {
            float[][] out = booster.inplace_predict(rows.features(), n, rows.width(), Float.NaN, new int[] {0, trees},
                    Booster.PredictionType.kValue, null);
            for (int c = 0; c < n; c++) scores[rows.candidates()[c]] = out[c][0];
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    public List<ItemScorer> sources() { return sources; }

    public Config config() { return config; }

    public int trees() { return trees; }

    /** Gain per feature name (how much each source and signal is used). */
    public Map<String, Double> importance() {
        try {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            List<String> names = featureNames(sources);
            Map<String, Double> raw = booster.getScore((String) null, "gain");
            for (int i = 0; i < names.size(); i++) out.put(names.get(i), raw.getOrDefault("f" + i, 0.0));
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }
}
