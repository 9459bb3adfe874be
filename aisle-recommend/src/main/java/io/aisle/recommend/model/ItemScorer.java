package io.aisle.recommend.model;

/** A trained model that scores every item for a history in time order; higher means more likely next. */
public interface ItemScorer {

    /** Short stable name used in reports, features and model reasons ("transitions", "ease", "sasrec"). */
    String name();

    /**
     * Writes a score for every item into {@code scores} (length = item count), overwriting it. Items with no
     * evidence get {@link Float#NEGATIVE_INFINITY} or a low score; callers rank, they never read the scale.
     */
    void score(int[] history, float[] scores);
}
