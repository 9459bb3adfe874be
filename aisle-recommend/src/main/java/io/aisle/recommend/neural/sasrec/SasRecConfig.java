package io.aisle.recommend.neural.sasrec;

/**
 * Shape and training settings of a SASRec model; checked on construction, so a bad value fails before training.
 *
 * @param maxLength    how many of the most recent items the model reads (older ones are dropped)
 * @param dim          width of item embeddings and hidden states; a multiple of {@code heads}
 * @param blocks       self-attention blocks stacked
 * @param heads        attention heads per block
 * @param dropout      dropout rate on embeddings, attention weights and block outputs, in [0, 1)
 * @param epochs       passes over the training histories (an upper bound when validating)
 * @param batchSize    histories per gradient step
 * @param learningRate Adam step size
 * @param negatives    0 for a full softmax over all items; otherwise the number of uniformly sampled items
 *                     shared by a batch as negatives of a sampled softmax
 * @param seed         seeds initial weights, batch order, negatives and dropout
 * @param threads      PyTorch intra-op threads for the process; 0 leaves the engine's setting alone
 */
public record SasRecConfig(
        int maxLength,
        int dim,
        int blocks,
        int heads,
        double dropout,
        int epochs,
        int batchSize,
        double learningRate,
        int negatives,
        long seed,
        int threads) {

    public SasRecConfig {
        atLeast("maxLength", maxLength, 1);
        atMost("maxLength", maxLength, 4096);
        atLeast("dim", dim, 2);
        atMost("dim", dim, 4096);
        atLeast("blocks", blocks, 1);
        atMost("blocks", blocks, 64);
        atLeast("heads", heads, 1);
        if (dim % heads != 0) {
            throw new IllegalArgumentException("heads must divide dim, got heads " + heads + " for dim " + dim);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        atLeast("epochs", epochs, 1);
        atLeast("batchSize", batchSize, 1);
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learningRate must be a positive finite number, got " + learningRate);
        }
        atLeast("negatives", negatives, 0);
        atLeast("threads", threads, 0);
        atMost("threads", threads, 1024);
    }

    /**
     * Settings tuned on Amazon Beauty (12k items, ~9 items per user) to train in minutes on two shared cores: a
     * sampled softmax over 1,024 shared negatives (a full softmax over 12k items costs ~4x more per epoch), heavy
     * dropout for sparse data, and one PyTorch thread, which beats two once other work shares the machine.
     */
    public static SasRecConfig defaults() {
        return new SasRecConfig(50, 64, 2, 1, 0.5, 30, 256, 0.003, 1024, 42L, 1);
    }

    public SasRecConfig withEpochs(int value) {
        return new SasRecConfig(maxLength, dim, blocks, heads, dropout, value, batchSize, learningRate, negatives, seed, threads);
    }

    public SasRecConfig withSeed(long value) {
        return new SasRecConfig(maxLength, dim, blocks, heads, dropout, epochs, batchSize, learningRate, negatives, value, threads);
    }

    public SasRecConfig withNegatives(int value) {
        return new SasRecConfig(maxLength, dim, blocks, heads, dropout, epochs, batchSize, learningRate, value, seed, threads);
    }

    public SasRecConfig withThreads(int value) {
        return new SasRecConfig(maxLength, dim, blocks, heads, dropout, epochs, batchSize, learningRate, negatives, seed, value);
    }

    private static void atLeast(String field, int value, int min) {
        if (value < min) throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
    }

    private static void atMost(String field, int value, int max) {
        if (value > max) throw new IllegalArgumentException(field + " must be at most " + max + ", got " + value);
    }
}
