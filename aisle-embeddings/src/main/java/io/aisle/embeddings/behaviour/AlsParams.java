package io.aisle.embeddings.behaviour;

/**
 * Settings of implicit-feedback matrix factorisation (Hu, Koren, Volinsky 2008) and of its refresh.
 *
 * @param factors     vector dimension
 * @param iterations  alternating sweeps (each solves every shopper row, then every item row)
 * @param alpha       confidence slope: an interaction of signal weight r counts with confidence 1 + alpha * |r|
 * @param lambda      L2 regularisation of every row
 * @param seed        seed of the random initial item factors; same seed and events, same model
 * @param threads     threads solving rows; results do not depend on it
 * @param foldInLimit {@link BehaviourTrainer#refresh} retrains in full once the events folded in since the last full
 *                    training exceed this share of the events it used
 */
public record AlsParams(int factors, int iterations, double alpha, double lambda, long seed, int threads,
                        double foldInLimit) {
    public AlsParams {
        if (factors < 2 || factors > 512) throw new IllegalArgumentException("factors must be 2..512, got " + factors);
        if (iterations < 1 || iterations > 100) throw new IllegalArgumentException("iterations must be 1..100, got " + iterations);
        if (!(alpha > 0) || !Double.isFinite(alpha)) throw new IllegalArgumentException("alpha must be positive, got " + alpha);
        if (!(lambda > 0) || !Double.isFinite(lambda)) throw new IllegalArgumentException("lambda must be positive, got " + lambda);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        if (!(foldInLimit >= 0)) throw new IllegalArgumentException("foldInLimit must not be negative, got " + foldInLimit);
    }

    /**
     * 32 factors, 10 sweeps, alpha 1, lambda 10, seed 42, one thread per core, retrain after 20% new events. Chosen
     * on simulated shoppers (README): 32 to 64 factors, alpha 0.3 to 2 and lambda 0.1 to 30 all gave HR@10 within
     * noise of each other; higher lambda gave neighbours of the same category more often.
     */
    public static AlsParams defaults() {
        return new AlsParams(32, 10, 1.0, 10.0, 42, Runtime.getRuntime().availableProcessors(), 0.2);
    }

    public AlsParams withFactors(int n) { return new AlsParams(n, iterations, alpha, lambda, seed, threads, foldInLimit); }

    public AlsParams withIterations(int n) { return new AlsParams(factors, n, alpha, lambda, seed, threads, foldInLimit); }

    public AlsParams withAlpha(double a) { return new AlsParams(factors, iterations, a, lambda, seed, threads, foldInLimit); }

    public AlsParams withLambda(double l) { return new AlsParams(factors, iterations, alpha, l, seed, threads, foldInLimit); }

    public AlsParams withThreads(int n) { return new AlsParams(factors, iterations, alpha, lambda, seed, n, foldInLimit); }

    public AlsParams withFoldInLimit(double share) { return new AlsParams(factors, iterations, alpha, lambda, seed, threads, share); }
}
