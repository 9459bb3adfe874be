package io.aisle.server.recommend;

/**
 * A trained model that scores every item of its vocabulary for a history of item indices, oldest first: the
 * contract of aisle-recommend's {@code ItemScorer}, so a trained SASRec or two-tower model joins serving as
 * {@code new ModelSource(name, scorer::score, vocabulary, 50)} without this module depending on the training one.
 */
@FunctionalInterface
public interface HistoryScorer {
    /** Fills {@code scores} (one slot per vocabulary item) for the history; higher is better. */
    void score(int[] history, float[] scores);
}
