package io.aisle.bench.recs;

import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.model.ItemScorer;
import io.aisle.recommend.neural.sasrec.SasRecConfig;
import io.aisle.recommend.neural.sasrec.SasRecTrainer;
import io.aisle.recommend.pipeline.SourceFit;

import java.util.function.Consumer;

/** SASRec as a ranker source: trained once on the validation-training histories and kept for the test. */
final class SasRecSource implements SourceFit {
    /** The best epoch on Beauty's validation step (early stopping with patience 5 peaked there). */
    static final int EPOCHS = 22;

    private final Consumer<String> progress;
    private ItemScorer model;

    SasRecSource(Consumer<String> progress) { this.progress = progress; }

    @Override public String name() { return "sasrec"; }

    @Override public boolean refits() { return false; }

    @Override public synchronized ItemScorer fit(Sequences training) {
        if (model == null) {
            long t = System.nanoTime();
            model = SasRecTrainer.train(training, SasRecConfig.defaults().withEpochs(EPOCHS),
                    e -> progress.accept(String.format("sasrec epoch %d loss %.4f (%.1fs)", e.epoch(), e.loss(), e.seconds())));
            progress.accept(String.format("sasrec trained in %.1fs", (System.nanoTime() - t) / 1e9));
        }
        return model;
    }
}
