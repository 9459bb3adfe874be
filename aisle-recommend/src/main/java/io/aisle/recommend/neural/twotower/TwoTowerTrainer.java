package io.aisle.recommend.neural.twotower;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.data.Sequences;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains a {@link TwoTowerModel} on PyTorch (CPU) through DJL: every position of every training history predicts
 * the item that followed it from the items before it; each batch's other targets are the negatives of a sampled
 * softmax, corrected by the log of their popularity. Id dropout makes content alone place items, for cold start.
 */
public final class TwoTowerTrainer {
    private static final String ENGINE = "PyTorch";

    private TwoTowerTrainer() {}

    public static TwoTowerModel train(Sequences training, ItemContent content, TwoTowerConfig config, TrainingListener listener) {
        return train(training, content, config, listener, null);
    }

    /** Sees a snapshot model after each epoch (for tuning the epoch count); it must close what it is given. */
    @FunctionalInterface
    interface Snapshots {
        void after(int epoch, TwoTowerModel model);
    }

    /** As {@link #train}, handing {@code snapshots} (when not null) the model after every epoch but the last. */
    static TwoTowerModel train(Sequences training, ItemContent content, TwoTowerConfig config, TrainingListener listener,
                               Snapshots snapshots) {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        ContentTable table = ContentTable.of(content, training.itemCount());
        if (config.threads() > 0) {
            Engine.getEngine(ENGINE); // loads the native library the call below needs
            JniUtils.setNumThreads(config.threads());
        }
        long[] events = BatchBuilder.events(training);
        if (events.length < 2) {
            throw new IllegalArgumentException("training has " + events.length + " next-item events; two-tower needs at least 2 (histories of two or more items)");
        }
        int[] counts = training.itemCounts();
        SplittableRandom random = new SplittableRandom(config.seed());
        BatchBuilder batches = new BatchBuilder(training, table, config.historyLength(), config.idDropout(),
                logQ(counts, config.logQ()), random.split());
        SplittableRandom order = random.split();
        int batchSize = Math.min(config.batchSize(), events.length);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), ENGINE);
             TowerNetwork network = new TowerNetwork(manager, training.itemCount(), table, config, random.split())) {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                long start = System.nanoTime();
                shuffle(events, order);
                double lossSum = 0;
                int steps = 0;
                // A short tail batch is dropped: too few in-batch negatives make a noisy step.
                for (int from = 0; from + batchSize <= events.length; from += batchSize) {
                    Batch batch = batches.build(events, from, from + batchSize);
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                            NDArray loss = network.loss(batch);
                            collector.backward(loss);
                            lossSum += loss.getFloat();
                        }
                        network.adamStep(config.learningRate());
                    }
                    steps++;
                }
                listener.onEpoch(new TrainingListener.Epoch(epoch, lossSum / steps, (System.nanoTime() - start) / 1e9));
                if (snapshots != null && epoch < config.epochs()) snapshots.after(epoch, network.export(counts, table, config.hiddenSize()));
            }
            return network.export(counts, table, config.hiddenSize());
        }
    }

    /** Log of each item's share of all training targets; items never seen get the smallest share, not -infinity. */
    private static float[] logQ(int[] counts, boolean correct) {
        float[] q = new float[counts.length];
        if (!correct) return q;
        long total = 0;
        for (int c : counts) total += c;
        for (int i = 0; i < counts.length; i++) q[i] = (float) Math.log(Math.max(1, counts[i]) / (double) total);
        return q;
    }

    private static void shuffle(long[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
