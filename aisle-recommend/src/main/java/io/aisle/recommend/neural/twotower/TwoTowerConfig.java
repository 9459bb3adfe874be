package io.aisle.recommend.neural.twotower;

/**
 * Shape and training settings of a two-tower model; checked on construction, so a bad value fails before training.
 *
 * @param dimension     width of item and shopper vectors
 * @param historyLength how many of the shopper's most recent items the shopper tower reads
 * @param hiddenSize    width of the shopper tower's hidden layer
 * @param epochs        passes over the training events (each history position predicts its next item)
 * @param batchSize     events per gradient step; the other targets of a batch are each event's negatives
 * @param learningRate  Adam step size
 * @param temperature   divides the cosine logits of the sampled softmax; small values sharpen it
 * @param idDropout     probability that an item's id embedding is zeroed in a step, so content alone learns to
 *                      place items (what cold items get), in [0, 1)
 * @param logQ          whether logits are corrected by the log of each target's in-batch sampling probability
 *                      (its popularity), so popular items are not over-penalised as negatives
 * @param seed          seeds initial weights, event order and id dropout
 * @param threads       PyTorch intra-op threads for the process (a global setting); 0 leaves the engine's alone.
 *                      The default 1: this model's small ops gain little from a second thread, and PyTorch's
 *                      spinning worker threads made steps up to ten times slower on a busy two-core machine
 */
public record TwoTowerConfig(
        int dimension,
        int historyLength,
        int hiddenSize,
        int epochs,
        int batchSize,
        double learningRate,
        double temperature,
        double idDropout,
        boolean logQ,
        long seed,
        int threads) {

    public TwoTowerConfig {
        between("dimension", dimension, 2, 1024);
        between("historyLength", historyLength, 1, 1000);
        between("hiddenSize", hiddenSize, 1, 8192);
        between("epochs", epochs, 1, 10_000);
        // In-batch negatives need at least one other event in the batch.
        between("batchSize", batchSize, 2, 65_536);
        positiveFinite("learningRate", learningRate);
        positiveFinite("temperature", temperature);
        if (!(idDropout >= 0 && idDropout < 1)) {
            throw new IllegalArgumentException("idDropout must be in [0, 1), got " + idDropout);
        }
        between("threads", threads, 0, 1024);
    }

    /**
     * Settings tuned on Amazon Beauty (12k items, ~9 items per user) on the validation split: temperature 0.1 beat
     * 0.05/0.07/0.15/0.2, width 128 beat 64 and matched 256, validation NDCG@10 levels off by epoch 8-10.
     * Trains in about two to four minutes on two cores.
     */
    public static TwoTowerConfig defaults() {
        return new TwoTowerConfig(128, 20, 256, 10, 512, 0.004, 0.1, 0.25, true, 42L, 1);
    }

    public TwoTowerConfig withDimension(int value) {
        return new TwoTowerConfig(value, historyLength, hiddenSize, epochs, batchSize, learningRate, temperature, idDropout, logQ, seed, threads);
    }

    public TwoTowerConfig withHistoryLength(int value) {
        return new TwoTowerConfig(dimension, value, hiddenSize, epochs, batchSize, learningRate, temperature, idDropout, logQ, seed, threads);
    }

    public TwoTowerConfig withHiddenSize(int value) {
        return new TwoTowerConfig(dimension, historyLength, value, epochs, batchSize, learningRate, temperature, idDropout, logQ, seed, threads);
    }

    public TwoTowerConfig withEpochs(int value) {
        return new TwoTowerConfig(dimension, historyLength, hiddenSize, value, batchSize, learningRate, temperature, idDropout, logQ, seed, threads);
    }

    public TwoTowerConfig withBatchSize(int value) {
        return new TwoTowerConfig(dimension, historyLength, hiddenSize, epochs, value, learningRate, temperature, idDropout, logQ, seed, threads);
    }

    public TwoTowerConfig withLearningRate(double value) {
        return new TwoTowerConfig(dimension, historyLength, hiddenSize, epochs, batchSize, value, temperature, idDropout, logQ, seed, threads);
    }

    public TwoTowerConfig withTemperature(double value) {
        return new TwoTowerConfig(dimension, historyLength, hiddenSize, epochs, batchSize, learningRate, value, idDropout, logQ, seed, threads);
    }

    public TwoTowerConfig withIdDropout(double value) {
        return new TwoTowerConfig(dimension, historyLength, hiddenSize, epochs, batchSize, learningRate, temperature, value, logQ, seed, threads);
    }

    public TwoTowerConfig withLogQ(boolean value) {
        return new TwoTowerConfig(dimension, historyLength, hiddenSize, epochs, batchSize, learningRate, temperature, idDropout, value, seed, threads);
    }

    public TwoTowerConfig withSeed(long value) {
        return new TwoTowerConfig(dimension, historyLength, hiddenSize, epochs, batchSize, learningRate, temperature, idDropout, logQ, value, threads);
    }

    public TwoTowerConfig withThreads(int value) {
        return new TwoTowerConfig(dimension, historyLength, hiddenSize, epochs, batchSize, learningRate, temperature, idDropout, logQ, seed, value);
    }

    private static void between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    private static void positiveFinite(String field, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(field + " must be a positive finite number, got " + value);
        }
    }
}
