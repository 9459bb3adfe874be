package io.aisle.search.rank;

import io.aisle.core.validation.ValidationException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned re-ranker: gradient-boosted trees (XGBoost) over {@link RankFeatures}. Train with
 * {@link #train(List, RankingParams)}, score rows, store with {@link #toBytes()} and load with
 * {@link #fromBytes(byte[])}, which refuses a model trained on another feature schema. Scoring is thread-safe
 * (XGBoost's in-place prediction); {@link #close()} frees the native booster early, otherwise the collector does.
 */
public final class RankingModel implements AutoCloseable {
    private static final byte[] MAGIC = "AISLE-RANK".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    private static final int WIDTH = RankFeatures.NAMES.size();

    private final List<String> featureNames;
    private final RankingParams params;
    private final Booster booster;

    private RankingModel(List<String> featureNames, RankingParams params, Booster booster) {
        this.featureNames = List.copyOf(featureNames);
        this.params = params;
        this.booster = booster;
    }

    /**
     * Fits a model. Examples are grouped by {@link RankingExample#group()} (their order otherwise does not matter for
     * LambdaMART); the same examples and params always give the same model.
     */
    public static RankingModel train(List<RankingExample> examples, RankingParams params) {
        if (params == null) throw new ValidationException("params", "must not be null");
        if (examples == null || examples.isEmpty()) throw new ValidationException("examples", "must not be empty");
        List<RankingExample> rows = groupedInOrderOfFirstAppearance(examples);
        float[] data = new float[rows.size() * WIDTH];
        float[] labels = new float[rows.size()];
        List<Integer> groupSizes = new ArrayList<>();
        String lastGroup = null;
        for (int r = 0; r < rows.size(); r++) {
            RankingExample e = rows.get(r);
            copyRow(e.features(), data, r, "examples[" + r + "].features");
            labels[r] = e.label();
            if (!e.group().equals(lastGroup)) {
                groupSizes.add(0);
                lastGroup = e.group();
            }
            groupSizes.set(groupSizes.size() - 1, groupSizes.get(groupSizes.size() - 1) + 1);
        }
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(data, rows.size(), WIDTH, Float.NaN);
            matrix.setLabel(labels);
            if (params.objective() == RankingObjective.LAMBDAMART) {
                matrix.setGroup(groupSizes.stream().mapToInt(Integer::intValue).toArray());
            }
            matrix.setFeatureNames(RankFeatures.NAMES.toArray(String[]::new));
            Booster booster = XGBoost.train(matrix, params.toXgboost(), params.rounds(), Map.of(), null, null);
            return new RankingModel(RankFeatures.NAMES, params, booster);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (matrix != null) matrix.dispose();
        }
    }

    /** Stable grouping: LambdaMART needs each query's rows contiguous. */
    private static List<RankingExample> groupedInOrderOfFirstAppearance(List<RankingExample> examples) {
        Map<String, List<RankingExample>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            RankingExample e = examples.get(i);
            if (e == null) throw new ValidationException("examples[" + i + "]", "must not be null");
            byGroup.computeIfAbsent(e.group(), g -> new ArrayList<>()).add(e);
        }
        List<RankingExample> out = new ArrayList<>(examples.size());
        byGroup.values().forEach(out::addAll);
        return out;
    }

    private static void copyRow(double[] row, float[] into, int r, String field) {
        if (row == null) throw new ValidationException(field, "must not be null");
        if (row.length != WIDTH) {
            throw new ValidationException(field, "expected " + WIDTH + " values in RankFeatures.NAMES order, got " + row.length);
        }
        for (int c = 0; c < WIDTH; c++) {
            double v = row[c];
            if (Double.isInfinite(v)) {
                throw new ValidationException(field, RankFeatures.NAMES.get(c) + " is infinite; use NaN for missing");
            }
            into[r * WIDTH + c] = (float) v;
        }
    }

    /** Scores of {@code rows} (each in {@link RankFeatures#NAMES} order); higher is more relevant. */
    public double[] score(List<double[]> rows) { return score(rows, params.rounds()); }

    /**
     * Scores using only the first {@code trees} trees: one model trained with many rounds answers for every smaller
     * round count, which is how {@link RankingTuner} picks the number of rounds.
     */
    public double[] score(List<double[]> rows, int trees) {
        if (rows == null) throw new ValidationException("rows", "must not be null");
        if (trees < 1 || trees > params.rounds()) throw new ValidationException("trees", "must be 1.." + params.rounds() + ", got " + trees);
        if (rows.isEmpty()) return new double[0];
        float[] data = new float[rows.size() * WIDTH];
        for (int r = 0; r < rows.size(); r++) copyRow(rows.get(r), data, r, "rows[" + r + "]");
        try {
            float[][] out = booster.inplace_predict(data, rows.size(), WIDTH, Float.NaN, new int[] {0, trees},
                    Booster.PredictionType.kValue, null);
            double[] scores = new double[rows.size()];
            for (int r = 0; r < scores.length; r++) scores[r] = out[r][0];
            return scores;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    /** The score of one row in {@link RankFeatures#NAMES} order. */
    public double score(double[] row) { return score(List.of(row))[0]; }

    /** The score of one (query, product) pair. */
    public double score(RankFeatures features) { return score(features.toArray()); }

    /**
     * Total gain of the splits on each feature, by name in {@link RankFeatures#NAMES} order; 0 for features never
     * split on. Shows what the model relies on.
     */
    public Map<String, Double> importance() {
        try {
            Map<String, Double> gain = booster.getScore(featureNames.toArray(String[]::new), "total_gain");
            Map<String, Double> out = new LinkedHashMap<>();
            for (String name : featureNames) out.put(name, gain.getOrDefault(name, 0.0));
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost importance failed: " + e.getMessage(), e);
        }
    }

    public RankingParams params() { return params; }

    public List<String> featureNames() { return featureNames; }

    /** Feature names, params and the XGBoost model (UBJSON), in one versioned blob. */
    public byte[] toBytes() {
        try {
            byte[] model = booster.toByteArray("ubj");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.length + 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(featureNames.size());
            for (String name : featureNames) out.writeUTF(name);
            out.writeUTF(params.objective().name());
            out.writeInt(params.rounds());
            out.writeInt(params.maxDepth());
            out.writeDouble(params.eta());
            out.writeDouble(params.minChildWeight());
            out.writeDouble(params.subsample());
            out.writeDouble(params.colsampleByTree());
            out.writeDouble(params.lambda());
            out.writeLong(params.seed());
            out.writeInt(params.nthread());
            out.writeInt(model.length);
            out.write(model);
            out.flush();
            return bytes.toByteArray();
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not save the model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a model written by {@link #toBytes()}. Refuses one whose feature names differ from this build's
     * {@link RankFeatures#NAMES}: its trees would read the wrong columns.
     */
    public static RankingModel fromBytes(byte[] blob) {
        if (blob == null) throw new ValidationException("model", "must not be null");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(blob))) {
            byte[] magic = new byte[MAGIC.length];
            if (in.read(magic) != MAGIC.length || !Arrays.equals(magic, MAGIC)) {
                throw new ValidationException("model", "not an Aisle ranking model");
            }
            int format = in.readInt();
            if (format != FORMAT) throw new ValidationException("model", "unsupported format " + format + ", expected " + FORMAT);
            int n = in.readInt();
            if (n < 0 || n > 10_000) throw new ValidationException("model", "corrupt feature count " + n);
            List<String> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) names.add(in.readUTF());
            if (!names.equals(RankFeatures.NAMES)) {
                throw new ValidationException("model", "trained on features " + names + " but this build ranks with "
                        + RankFeatures.NAMES + "; retrain the model");
            }
            RankingParams params = new RankingParams(RankingObjective.valueOf(in.readUTF()), in.readInt(), in.readInt(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readLong(),
                    in.readInt());
            int length = in.readInt();
            if (length < 0 || length > blob.length) throw new ValidationException("model", "corrupt model length " + length);
            byte[] model = in.readNBytes(length);
            if (model.length != length) throw new ValidationException("model", "truncated: model bytes end early");
            Booster booster = XGBoost.loadModel(model);
            if (booster.getNumBoostedRound() != params.rounds()) {
                throw new ValidationException("model", "holds " + booster.getNumBoostedRound() + " trees, header says " + params.rounds());
            }
            return new RankingModel(names, params, booster);
        } catch (java.io.EOFException e) {
            throw new ValidationException("model", "truncated");
        } catch (IllegalArgumentException e) { // an unknown objective name
            throw new ValidationException("model", "corrupt header: " + e.getMessage());
        } catch (XGBoostError e) {
            throw new ValidationException("model", "XGBoost could not read the model: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frees the native booster now; the model must not be used afterwards. */
    @Override public void close() { booster.dispose(); }
}
