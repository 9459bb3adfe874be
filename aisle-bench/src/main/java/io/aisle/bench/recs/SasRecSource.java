package io.aisle.bench.recs;

import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.eval.LeaveOneOut;
import io.aisle.recommend.model.ItemScorer;
import io.aisle.recommend.neural.sasrec.SasRecConfig;
import io.aisle.recommend.neural.sasrec.SasRecTrainer;
import io.aisle.recommend.neural.sasrec.SasRecValidation;
import io.aisle.recommend.pipeline.SourceFit;

import java.util.function.Consumer;

/**
 * SASRec as a ranker source: trained once on the validation-training histories, its epoch chosen by NDCG@10 on
 * (a sample of) the validation step, and kept for the test.
 */
final class SasRecSource implements SourceFit {
    private static final int MAX_EPOCHS = 40;
    private static final int PATIENCE = 5;
    private static final int VALIDATION_USERS = 5_000;

    private final LeaveOneOut split;
    private final long seed;
    private final Consumer<String> progress;
    private ItemScorer model;

    SasRecSource(LeaveOneOut split, long seed, Consumer<String> progress) {
        this.split = split;
        this.seed = seed;
        this.progress = progress;
    }

    @Override public String name() { return "sasrec"; }

    @Override public boolean refits() { return false; }

    @Override public synchronized ItemScorer fit(Sequences training) {
        if (model == null) {
            long t = System.nanoTime();
            // Histories ending in the validation target; lastItemOf splits that target off again.
            SasRecValidation validation = SasRecValidation.lastItemOf(split.all().dropLast(1), 2, PATIENCE)
                    .sample(VALIDATION_USERS, seed);
            model = SasRecTrainer.train(training, validation, SasRecConfig.defaults().withEpochs(MAX_EPOCHS).withSeed(seed),
                    e -> progress.accept(String.format("sasrec epoch %d loss %.4f (%.1fs)", e.epoch(), e.loss(), e.seconds())));
            progress.accept(String.format("sasrec trained in %.1fs", (System.nanoTime() - t) / 1e9));
        }
        return model;
    }
}
