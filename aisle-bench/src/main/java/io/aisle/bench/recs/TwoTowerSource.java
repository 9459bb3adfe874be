package io.aisle.bench.recs;

import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.model.ItemScorer;
import io.aisle.recommend.neural.twotower.TwoTowerConfig;
import io.aisle.recommend.neural.twotower.TwoTowerTrainer;
import io.aisle.recommend.pipeline.SourceFit;

import java.util.function.Consumer;

/** The two-tower model as a ranker source: trained once on the validation-training histories and kept for the test. */
final class TwoTowerSource implements SourceFit {
    private final ItemContent content;
    private final TwoTowerConfig config;
    private final Consumer<String> progress;
    private ItemScorer model;

    TwoTowerSource(ItemContent content, TwoTowerConfig config, Consumer<String> progress) {
        this.content = content;
        this.config = config;
        this.progress = progress;
    }

    @Override public String name() { return "two-tower"; }

    @Override public boolean refits() { return false; }

    @Override public synchronized ItemScorer fit(Sequences training) {
        if (model == null) {
            long t = System.nanoTime();
            model = TwoTowerTrainer.train(training, content, config,
                    e -> progress.accept(String.format("two-tower epoch %d loss %.4f (%.1fs)", e.epoch(), e.loss(), e.seconds())));
            progress.accept(String.format("two-tower trained in %.1fs", (System.nanoTime() - t) / 1e9));
        }
        return model;
    }
}
