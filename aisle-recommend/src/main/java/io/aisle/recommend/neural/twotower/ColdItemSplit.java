package io.aisle.recommend.neural.twotower;

import io.aisle.recommend.data.ItemContent;
import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.model.ItemScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Measures cold start: a random fraction of items is hidden from every training history, a two-tower model is
 * trained on the rest (with content for all items), and each user whose last item is hidden becomes a test event:
 * the history before it (hidden items removed, as they were never seen) must rank that item, which the model can
 * only place from its content. Content-free baselines on the same events give the figure its meaning.
 */
public final class ColdItemSplit {
    private final double fraction;
    private final long seed;

    /**
     * Figures of one run.
     *
     * @param coldItems         items hidden from training
     * @param trainSeconds      wall time of training
     * @param twoTower          the model ranking all items (history excluded), cold ones scored from content only
     * @param twoTowerAmongCold the model ranking only the cold items (knows which items are new)
     * @param popularity        training popularity over all items: cold items have no count, so it cannot rank them
     * @param randomAmongCold   expected figures of a uniformly random order of the cold items
     */
    public record Result(int coldItems, double trainSeconds, RankFigures twoTower, RankFigures twoTowerAmongCold,
                         RankFigures popularity, RankFigures randomAmongCold) {

        public int events() { return twoTower.events(); }
    }

    /** @param fraction share of items to hide, in (0, 0.5]; @param seed picks them */
    public ColdItemSplit(double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 0.5)) throw new IllegalArgumentException("fraction must be in (0, 0.5], got " + fraction);
        this.fraction = fraction;
        this.seed = seed;
    }

    /** The hidden items for a catalogue of {@code itemCount} items (at least one). */
    public BitSet coldItems(int itemCount) {
        int n = Math.max(1, (int) Math.round(fraction * itemCount));
        int[] order = new int[itemCount];
        for (int i = 0; i < itemCount; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(itemCount - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        BitSet cold = new BitSet(itemCount);
        for (int i = 0; i < n; i++) cold.set(order[i]);
        return cold;
    }

    /** Hides items of {@code all} (full histories, last item = test), trains on the rest and evaluates. */
    public Result run(Sequences all, ItemContent content, TwoTowerConfig config, TrainingListener listener) {
        Objects.requireNonNull(all, "all");
        Objects.requireNonNull(content, "content");
        int items = all.itemCount();
        BitSet cold = coldItems(items);
        int[][] training = new int[all.users()][];
        List<int[]> histories = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (int u = 0; u < all.users(); u++) {
            int[] h = all.history(u);
            int[] before = withoutCold(Arrays.copyOf(h, Math.max(0, h.length - 1)), cold);
            training[u] = before;
            if (h.length >= 2 && cold.get(h[h.length - 1]) && before.length > 0) {
                histories.add(before);
                targets.add(h[h.length - 1]);
            }
        }
        int[][] eventHistories = histories.toArray(int[][]::new);
        int[] eventTargets = targets.stream().mapToInt(Integer::intValue).toArray();
        Sequences trainingSequences = new Sequences(training, items);

        long start = System.nanoTime();
        try (TwoTowerModel model = TwoTowerTrainer.train(trainingSequences, content, config, listener)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            RankFigures all10 = FullRanking.evaluate(model, items, eventHistories, eventTargets, i -> true);
            RankFigures amongCold = FullRanking.evaluate(model, items, eventHistories, eventTargets, cold::get);
            RankFigures popularity = FullRanking.evaluate(popularity(trainingSequences), items, eventHistories, eventTargets, i -> true);
            return new Result(cold.cardinality(), seconds, all10, amongCold, popularity, randomAmong(cold.cardinality(), eventTargets.length));
        }
    }

    private static int[] withoutCold(int[] history, BitSet cold) {
        return Arrays.stream(history).filter(i -> !cold.get(i)).toArray();
    }

    private static ItemScorer popularity(Sequences training) {
        int[] counts = training.itemCounts();
        return new ItemScorer() {
            @Override public String name() { return "popularity"; }

            @Override public void score(int[] history, float[] scores) {
                for (int i = 0; i < counts.length; i++) scores[i] = counts[i];
            }
        };
    }

    /** Expected figures when the target sits at a uniformly random place among {@code candidates} items. */
    static RankFigures randomAmong(int candidates, int events) {
        int top = Math.min(10, candidates);
        double ndcg = 0;
        for (int r = 0; r < top; r++) ndcg += 1 / (Math.log(r + 2) / Math.log(2));
        return new RankFigures(events, top / (double) candidates, ndcg / candidates);
    }
}
