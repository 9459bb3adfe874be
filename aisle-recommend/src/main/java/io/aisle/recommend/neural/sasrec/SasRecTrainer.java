package io.aisle.recommend.neural.sasrec;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.aisle.recommend.data.Sequences;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Trains SASRec with a DJL autograd loop on PyTorch (CPU): every position of every training history predicts the
 * item that follows it, under a sampled softmax whose uniformly drawn negatives are shared by the batch (or a full
 * softmax over all items, {@code negatives = 0}), optimised with Adam. Runs are repeatable for a seed and thread count as far as PyTorch's CPU kernels are.
 * <p>
 * One training at a time per process: DJL's PyTorch gradient collector is process-wide, and so are PyTorch's seed
 * and thread settings, which a run sets.
 */
public final class SasRecTrainer {

    /** Batches whose histories are sorted by length together: enough mixing for SGD, little padding. */
    private static final int POOL_BATCHES = 16;
    private static final int VALIDATION_K = 10;

    private SasRecTrainer() {}

    /** Trains for {@code config.epochs()} epochs and returns the final weights. */
    public static SasRecModel train(Sequences training, SasRecConfig config, ProgressListener listener) {
        return run(training, null, config, listener);
    }

    /** Trains and returns the weights of the epoch with the best validation NDCG@10, stopping early on a plateau. */
    public static SasRecModel train(Sequences training, SasRecValidation validation, SasRecConfig config, ProgressListener listener) {
        Objects.requireNonNull(validation, "validation");
        if (validation.histories().itemCount() != training.itemCount()) {
            throw new IllegalArgumentException("validation has " + validation.histories().itemCount()
                    + " items, training has " + training.itemCount());
        }
        return run(training, validation, config, listener);
    }

    private static SasRecModel run(Sequences training, SasRecValidation validation, SasRecConfig config, ProgressListener listener) {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        List<int[]> examples = new ArrayList<>();
        for (int[] h : training.histories()) if (h.length >= 2) examples.add(h);
        if (examples.isEmpty()) throw new IllegalArgumentException("training has no history with two or more items");

        Engine engine = Engine.getEngine("PyTorch");
        if (config.threads() > 0) JniUtils.setNumThreads(config.threads());
        engine.setRandomSeed(Long.hashCode(config.seed())); // dropout masks come from PyTorch's generator
        SplittableRandom random = new SplittableRandom(config.seed());
        Adam adam = Optimizer.adam()
                .optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                .optBeta2(0.98f)
                .build();

        SasRecNetwork best = null;
        try (SasRecNetwork network = SasRecNetwork.initialise(config, training.itemCount(), random)) {
            network.parameters().values().forEach(p -> p.setRequiresGradient(true));
            double bestNdcg = Double.NEGATIVE_INFINITY;
            int stale = 0;
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                double lossSum = 0;
                List<List<int[]>> batches = plan(examples, config, random);
                for (List<int[]> rows : batches) {
                    lossSum += step(engine, adam, network, SequenceBatch.forTraining(rows, config.maxLength()), random);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!Double.isFinite(lossSum)) {
                    throw new IllegalStateException("training diverged in epoch " + epoch + " (loss " + lossSum
                            + "); try a lower learningRate");
                }
                OptionalDouble ndcg = OptionalDouble.empty();
                if (validation != null) {
                    SasRecNetwork snapshot = network.snapshot();
                    double v = HeldOutRanking.evaluate(snapshot::scoreLast, validation.histories().histories(),
                            validation.targets(), training.itemCount(), VALIDATION_K).ndcg();
                    ndcg = OptionalDouble.of(v);
                    if (v > bestNdcg) {
                        if (best != null) best.close();
                        best = snapshot;
                        bestNdcg = v;
                        stale = 0;
                    } else {
                        snapshot.close();
                        stale++;
                    }
                }
                listener.onEpoch(new ProgressListener.Epoch(epoch, lossSum / batches.size(), seconds, ndcg));
                if (validation != null && stale >= validation.patience()) break;
            }
            SasRecNetwork result = best != null ? best : network.snapshot();
            best = null;
            return new SasRecModel(result);
        } finally {
            if (best != null) best.close();
        }
    }

    /** One gradient step; returns the batch loss. */
    private static double step(Engine engine, Adam adam, SasRecNetwork network, SequenceBatch batch, SplittableRandom random) {
        try (NDManager scope = network.manager().newSubManager()) {
            double loss;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray l = loss(network, scope, batch, random);
                collector.backward(l);
                loss = l.getFloat();
            }
            for (Map.Entry<String, NDArray> p : network.parameters().entrySet()) {
                try (NDArray grad = p.getValue().getGradient()) {
                    adam.update(p.getKey(), p.getValue(), grad);
                    grad.subi(grad); // PyTorch accumulates gradients; start the next step from zero
                }
            }
            return loss;
        }
    }

    /** Mean cross-entropy of the true next item at every predicting position of the batch. */
    static NDArray loss(SasRecNetwork network, NDManager scope, SequenceBatch batch, SplittableRandom random) {
        SasRecConfig config = network.config();
        int n = batch.targets().length;
        NDArray hidden = network.encode(scope, batch, true).reshape((long) batch.rows() * batch.width(), config.dim());
        NDArray h = hidden.get(new NDIndex("{}", scope.create(batch.positions())));
        if (config.negatives() == 0) {
            NDArray logits = h.matMul(network.outputTable(scope).transpose());
            NDArray targets = scope.create(batch.targets(), new Shape(n, 1));
            return logits.logSoftmax(1).gather(targets, 1).mean().neg();
        }
        int k = config.negatives();
        long[] sampled = new long[k];
        for (int j = 0; j < k; j++) sampled[j] = random.nextInt(network.itemCount());
        float[] accidental = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) if (sampled[j] == batch.targets()[i]) accidental[i * k + j] = SequenceBatch.BLOCKED;
        }
        NDArray positive = h.mul(network.itemRows(scope, batch.targets())).sum(new int[] {1}, true);
        NDArray negative = h.matMul(network.itemRows(scope, sampled).transpose()).add(scope.create(accidental, new Shape(n, k)));
        return positive.concat(negative, 1).logSoftmax(1).get(new NDIndex(":, 0")).mean().neg();
    }

    /** This epoch's batches: shuffled, then sorted by length within pools so batches pad little, then shuffled. */
    static List<List<int[]>> plan(List<int[]> examples, SasRecConfig config, SplittableRandom random) {
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        shuffle(order, random);
        int pool = config.batchSize() * POOL_BATCHES;
        List<List<int[]>> batches = new ArrayList<>();
        for (int start = 0; start < order.length; start += pool) {
            int[] slice = Arrays.copyOfRange(order, start, Math.min(order.length, start + pool));
            List<int[]> sorted = new ArrayList<>(slice.length);
            for (int i : slice) sorted.add(examples.get(i));
            sorted.sort(Comparator.comparingInt(h -> Math.min(h.length, config.maxLength() + 1)));
            for (int b = 0; b < sorted.size(); b += config.batchSize()) {
                batches.add(sorted.subList(b, Math.min(sorted.size(), b + config.batchSize())));
            }
        }
        for (int i = batches.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            List<int[]> t = batches.get(i);
            batches.set(i, batches.get(j));
            batches.set(j, t);
        }
        return batches;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
