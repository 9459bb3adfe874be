package io.aisle.recommend.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Coordinate search over a model's settings: one setting at a time takes each of its candidate values, the best
 * (by a validation score) is kept, and rounds repeat until nothing improves. Far cheaper than a full grid and, for
 * the few smooth settings of these models, as good in practice.
 */
public final class ConfigSearch<C> {

    /** One tunable setting: a name, the values to try and how to apply one to a config. */
    public record Dimension<C>(String name, List<Object> values, BiFunction<C, Object, C> apply) {
        public Dimension {
            Objects.requireNonNull(name, "name");
            if (values.isEmpty()) throw new IllegalArgumentException("dimension " + name + " has no values");
        }
    }

    /** The winning config, its score and how many configs were evaluated. */
    public record Result<C>(C best, double score, int evaluations) {}

    private final List<Dimension<C>> dimensions = new ArrayList<>();
    private int maxRounds = 2;

    @SuppressWarnings("unchecked")
    public <V> ConfigSearch<C> dimension(String name, List<V> values, BiFunction<C, V, C> apply) {
        dimensions.add(new Dimension<>(name, List.copyOf(values), (c, v) -> apply.apply(c, (V) v)));
        return this;
    }

    public ConfigSearch<C> rounds(int rounds) {
        if (rounds < 1) throw new IllegalArgumentException("rounds must be >= 1, got " + rounds);
        this.maxRounds = rounds;
        return this;
    }

    public Result<C> run(C start, ToDoubleFunction<C> score, Consumer<String> progress) {
        Map<C, Double> seen = new HashMap<>();
        C best = start;
        double bestScore = evaluate(start, score, seen, progress);
        for (int round = 0; round < maxRounds; round++) {
            boolean improved = false;
            for (Dimension<C> d : dimensions) {
                for (Object v : d.values()) {
                    C candidate = d.apply().apply(best, v);
                    double s = evaluate(candidate, score, seen, progress);
                    if (s > bestScore + 1e-9) {
                        bestScore = s;
                        best = candidate;
                        improved = true;
                    }
                }
            }
            if (!improved) break;
        }
        return new Result<>(best, bestScore, seen.size());
    }

    private double evaluate(C config, ToDoubleFunction<C> score, Map<C, Double> seen, Consumer<String> progress) {
        Double known = seen.get(config);
        if (known != null) return known;
        double s = score.applyAsDouble(config);
        seen.put(config, s);
        progress.accept(String.format("%.4f %s", s, config));
        return s;
    }
}
