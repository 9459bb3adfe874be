package io.aisle.recommend.pipeline;

import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.eval.LeaveOneOut;
import io.aisle.recommend.model.ItemScorer;
import io.aisle.recommend.rank.CandidateRanker;
import io.aisle.recommend.rank.ItemSide;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Aisle's recommender, end to end: tuned sources are fit on the validation-training histories, the learned ranker
 * is trained on the validation step over their candidates, and the sources are then fit on all but the last item
 * (neural ones keep their earlier fit) for the ranker to rank with.
 */
public final class RecsPipeline {
    private final List<SourceFit> sources;
    private final CandidateRanker.Config rankerConfig;
    private final Consumer<String> progress;

    public RecsPipeline(List<SourceFit> sources, CandidateRanker.Config rankerConfig, Consumer<String> progress) {
        if (sources.isEmpty()) throw new IllegalArgumentException("sources must not be empty");
        this.sources = List.copyOf(sources);
        this.rankerConfig = rankerConfig;
        this.progress = progress;
    }

    /** The fitted recommender and what training it cost. */
    public record Fitted(CandidateRanker ranker, List<ItemScorer> validationSources, CandidateRanker.TrainingReport report,
                         double seconds) {}

    public Fitted fit(LeaveOneOut split, ItemContent content) {
        long started = System.nanoTime();
        List<ItemScorer> validation = fitAll(split.validationTraining(), null);
        var trained = CandidateRanker.train(validation, ItemSide.of(split.validationTraining(), content), split.validation(),
                rankerConfig, progress);
        List<ItemScorer> test = fitAll(split.testTraining(), validation);
        CandidateRanker ranker = trained.model().bind(test, ItemSide.of(split.testTraining(), content));
        return new Fitted(ranker, validation, trained.report(), (System.nanoTime() - started) / 1e9);
    }

    private List<ItemScorer> fitAll(Sequences data, List<ItemScorer> earlier) {
        List<ItemScorer> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            SourceFit s = sources.get(i);
            if (earlier != null && !s.refits()) {
                out.add(earlier.get(i));
                continue;
            }
            long t = System.nanoTime();
            out.add(s.fit(data));
            progress.accept(String.format("fit %s on %d histories in %.1fs", s.name(), data.users(), (System.nanoTime() - t) / 1e9));
        }
        return out;
    }
}
