package io.aisle.recommend.pipeline;

import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.eval.LeaveOneOut;
import io.aisle.recommend.eval.RankingEvaluator;
import io.aisle.recommend.eval.RankingReport;
import io.aisle.recommend.model.Transitions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trains the model the server adds to its sources, from a store's own histories: the sequence-aware transition model
 * (the strongest single source on the offline benchmark, and cheap enough to retrain on a schedule). Its settings are
 * tuned on each shopper's second-to-last item, both it and popularity are then scored on the last item (the model
 * report), and the served model is fitted on every item.
 */
public final class SequenceTraining {
    private final int minCases;

    /** @param minCases shoppers with a validation item needed to tune; with fewer the default settings are used */
    public SequenceTraining(int minCases) {
        if (minCases < 1) throw new IllegalArgumentException("minCases must be at least 1, got " + minCases);
        this.minCases = minCases;
    }

    /**
     * What training produced.
     *
     * @param tuned      whether the settings were tuned on validation (false: too few shoppers, defaults used)
     * @param popularity test figures of the popularity baseline (null when nobody has a test item)
     * @param model      test figures of the model fitted without each shopper's last item (null likewise)
     */
    public record Outcome(Transitions served, Transitions.Config config, boolean tuned, RankingReport popularity,
                          RankingReport model, int shoppers, int items, long interactions, double seconds) {
        public Outcome {
            Objects.requireNonNull(served, "served");
            Objects.requireNonNull(config, "config");
        }
    }

    public Outcome train(Sequences all, Consumer<String> progress) {
        Objects.requireNonNull(all, "all");
        long started = System.nanoTime();
        LeaveOneOut split = LeaveOneOut.of(all);
        RankingEvaluator evaluator = new RankingEvaluator(true);
        int validationCases = split.validation().count();
        Transitions.Config config = Transitions.Config.defaults();
        boolean tuned = validationCases >= minCases;
        RankingReport popularity = null, model = null;
        if (tuned) {
            progress.accept("tuning on " + validationCases + " validation items");
            BaselineTuning tuning = new BaselineTuning(split, evaluator, progress);
            BaselineTuning.Result pop = tuning.popularity();
            BaselineTuning.Result transitions = tuning.transitions();
            config = ((Transitions) transitions.fit().fit(split.validationTraining())).config();
            progress.accept("scoring the last item of " + split.test().count() + " shoppers");
            popularity = evaluator.evaluate(pop.fit().fit(split.testTraining()), split.test());
            model = evaluator.evaluate(transitions.fit().fit(split.testTraining()), split.test());
        } else {
            progress.accept("only " + validationCases + " shoppers with a validation item (need " + minCases + "): default settings, no report");
        }
        progress.accept("fitting on all " + all.interactions() + " interactions");
        Transitions served = Transitions.train(all, config);
        return new Outcome(served, config, tuned, popularity, model, all.users(), all.itemCount(), all.interactions(),
                (System.nanoTime() - started) / 1e9);
    }
}
