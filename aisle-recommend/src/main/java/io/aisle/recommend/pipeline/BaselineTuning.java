package io.aisle.recommend.pipeline;

import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.eval.ConfigSearch;
import io.aisle.recommend.eval.LeaveOneOut;
import io.aisle.recommend.eval.RankingEvaluator;
import io.aisle.recommend.eval.RankingReport;
import io.aisle.recommend.model.Ease;
import io.aisle.recommend.model.ItemKnn;
import io.aisle.recommend.model.ItemScorer;
import io.aisle.recommend.model.Popularity;
import io.aisle.recommend.model.Transitions;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tunes the classic sources on the validation step (each user's second-to-last item): popularity, item-kNN,
 * EASE and sequence transitions. Each returns a {@link SourceFit} carrying its best settings, so the same tuned
 * model can be fit on the test-training data and serve as a baseline or as a ranker input.
 */
public final class BaselineTuning {
    private final LeaveOneOut split;
    private final RankingEvaluator evaluator;
    private final Consumer<String> progress;

    public BaselineTuning(LeaveOneOut split, RankingEvaluator evaluator, Consumer<String> progress) {
        this.split = split;
        this.evaluator = evaluator;
        this.progress = progress;
    }

    /** A fit with its tuning record, and variants of it the ranker also reads ({@code extras}). */
    public record Result(SourceFit fit, Tuned tuned, List<SourceFit> extras) {
        Result(SourceFit fit, Tuned tuned) { this(fit, tuned, List.of()); }
    }

    public Result popularity() {
        long t = System.nanoTime();
        SourceFit fit = fit("popularity", Popularity::train);
        RankingReport r = validate(fit);
        return new Result(fit, new Tuned("popularity", "-", r, seconds(t), 1));
    }

    public Result itemKnn() {
        long t = System.nanoTime();
        var search = new ConfigSearch<ItemKnn.Config>()
                .dimension("neighbours", List.of(50, 100, 200, 400), (c, v) -> new ItemKnn.Config(v, c.alpha(), c.shrink()))
                .dimension("alpha", List.of(0.3, 0.5, 0.7), (c, v) -> new ItemKnn.Config(c.neighbours(), v, c.shrink()))
                .dimension("shrink", List.of(0.0, 10.0, 50.0), (c, v) -> new ItemKnn.Config(c.neighbours(), c.alpha(), v));
        var best = search.run(ItemKnn.Config.defaults(),
                c -> ndcg(ItemKnn.train(split.validationTraining(), c)), s -> progress.accept("item-knn " + s));
        ItemKnn.Config c = best.best();
        SourceFit fit = fit("item-knn", d -> ItemKnn.train(d, c));
        return new Result(fit, new Tuned("item-knn", c.toString(), validate(fit), seconds(t), best.evaluations()));
    }

    /**
     * λ by validation over a short grid; each solve is a dense inverse (about a minute for 12k items on two cores), so
     * the grid is small — 100 and 400, one step further out when the better one sits on the edge — and the winning
     * model is kept rather than solved again.
     */
    public Result ease() {
        long t = System.nanoTime();
        Sequences data = split.validationTraining();
        float[] gram = Ease.gram(data);
        java.util.TreeMap<Double, RankingReport> tried = new java.util.TreeMap<>();
        double bestLambda = Double.NaN;
        Ease best = null;
        double next = 100.0;
        while (!Double.isNaN(next)) {
            Ease model = Ease.fromGram(gram, data.itemCount(), next);
            RankingReport r = evaluator.evaluate(model, split.validation());
            progress.accept(String.format("ease %.4f lambda=%s", r.ndcg10(), next));
            if (best == null || r.ndcg10() > tried.get(bestLambda).ndcg10()) {
                best = model;
                bestLambda = next;
            }
            tried.put(next, r);
            if (tried.size() == 1) next = 400.0;
            else if (bestLambda == tried.firstKey() && bestLambda > 5) next = bestLambda / 4;
            else if (bestLambda == tried.lastKey() && bestLambda < 100_000) next = bestLambda * 4;
            else next = Double.NaN;
        }
        RankingReport bestReport = tried.get(bestLambda);
        int evaluations = tried.size();
        double l = bestLambda;
        Ease validationModel = best;
        SourceFit fit = fit("ease", d -> d == data ? validationModel : Ease.train(d, l));
        fit.fit(data); // remember the validation model
        return new Result(fit, new Tuned("ease", "lambda=" + l, bestReport, seconds(t), evaluations));
    }

    public Result transitions() {
        long t = System.nanoTime();
        var search = new ConfigSearch<Transitions.Config>()
                .dimension("sourceNorm", List.of(0.0, 0.25, 0.5, 0.75, 1.0), Transitions.Config::withSourceNorm)
                .dimension("decay", List.of(0.4, 0.6, 0.8, 0.9), Transitions.Config::withDecay)
                .dimension("window", List.of(2, 3, 5, 8), Transitions.Config::withWindow)
                .dimension("backward", List.of(0.0, 0.25, 0.5), Transitions.Config::withBackward)
                .dimension("lastItems", List.of(1, 2, 3, 5, 8), Transitions.Config::withLastItems)
                .dimension("recency", List.of(0.3, 0.5, 0.7), Transitions.Config::withRecency)
                .dimension("targetNorm", List.of(0.0, 0.1, 0.25), Transitions.Config::withTargetNorm);
        var best = search.run(Transitions.Config.defaults(), c -> ndcg(Transitions.train(split.validationTraining(), c)),
                s -> progress.accept("transition " + s));
        Transitions.Config c = best.best();
        SourceFit fit = fit("transition", d -> Transitions.train(d, c));
        Tuned tuned = new Tuned("transition", c.toString(), validate(fit), seconds(t), best.evaluations());
        return new Result(fit, tuned, c.lastItems() > 1 ? List.of(lastItemTransitions(c)) : List.of());
    }

    /** Fits on the validation-training histories (kept by the fit for later) and scores the validation step. */
    private RankingReport validate(SourceFit fit) { return evaluator.evaluate(fit.fit(split.validationTraining()), split.validation()); }

    /**
     * The tuned transitions read from the last item only: a sharper signal than the recency-weighted blend, which
     * the ranker gets as a separate input.
     */
    public static SourceFit lastItemTransitions(Transitions.Config tuned) {
        Transitions.Config last = tuned.withLastItems(1);
        return fit("transition-last", d -> new io.aisle.recommend.model.Renamed("transition-last", Transitions.train(d, last)));
    }

    private double ndcg(ItemScorer model) { return evaluator.evaluate(model, split.validation()).ndcg10(); }

    private static double seconds(long start) { return (System.nanoTime() - start) / 1e9; }

    static SourceFit fit(String name, java.util.function.Function<Sequences, ItemScorer> train) {
        return new RememberingFit(name, train);
    }

    /**
     * Keeps the models of the last two training sets (validation and test training), so a baseline fit for its
     * own row is reused as a ranker input instead of being trained again.
     */
    private static final class RememberingFit implements SourceFit {
        private final String name;
        private final java.util.function.Function<Sequences, ItemScorer> train;
        private final java.util.LinkedHashMap<Sequences, ItemScorer> recent = new java.util.LinkedHashMap<>();

        RememberingFit(String name, java.util.function.Function<Sequences, ItemScorer> train) {
            this.name = name;
            this.train = train;
        }

        @Override public String name() { return name; }

        @Override public synchronized ItemScorer fit(Sequences training) {
            for (var e : recent.entrySet()) if (e.getKey() == training) return e.getValue();
            ItemScorer model = train.apply(training);
            if (recent.size() == 2) recent.remove(recent.keySet().iterator().next());
            recent.put(training, model);
            return model;
        }
    }
}
