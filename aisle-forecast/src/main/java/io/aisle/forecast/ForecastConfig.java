package io.aisle.forecast;

/**
 * Settings of {@link AisleForecaster}.
 *
 * @param probs          quantile levels to report, ascending in (0, 1)
 * @param paths          sample paths per series
 * @param backtests      rolling origins inside the history used to weigh the models and calibrate the intervals
 * @param globalModel    whether to learn the global model across series (needs a few series with history)
 * @param boostedRounds  trees of the global boosted and hybrid models; 0 leaves both out (the global linear model stays)
 * @param seed           seed of the global model and of path sampling
 */
public record ForecastConfig(double[] probs, int paths, int backtests, boolean globalModel, int boostedRounds, long seed) {
    public ForecastConfig {
        if (probs.length == 0) throw new IllegalArgumentException("probs must not be empty");
        for (int i = 0; i < probs.length; i++) {
            if (!(probs[i] > 0 && probs[i] < 1)) throw new IllegalArgumentException("probs must lie in (0, 1), got " + probs[i]);
            if (i > 0 && probs[i] <= probs[i - 1]) throw new IllegalArgumentException("probs must be ascending");
        }
        if (boostedRounds < 0) throw new IllegalArgumentException("boostedRounds must not be negative, got " + boostedRounds);
        if (paths < 0) throw new IllegalArgumentException("paths must not be negative, got " + paths);
        if (backtests < 1) throw new IllegalArgumentException("backtests must be at least 1, got " + backtests);
        probs = probs.clone();
    }

    /** Deciles 0.1 .. 0.9, 200 paths, two backtest origins, the global model on. */
    public static ForecastConfig defaults() {
        return new ForecastConfig(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}, 200, 2, true, 150, 42);
    }

    public ForecastConfig withGlobalModel(boolean on) { return new ForecastConfig(probs, paths, backtests, on, boostedRounds, seed); }

    public ForecastConfig withBacktests(int n) { return new ForecastConfig(probs, paths, n, globalModel, boostedRounds, seed); }

    public ForecastConfig withBoostedRounds(int n) { return new ForecastConfig(probs, paths, backtests, globalModel, n, seed); }

    public ForecastConfig withPaths(int n) { return new ForecastConfig(probs, n, backtests, globalModel, boostedRounds, seed); }
}
