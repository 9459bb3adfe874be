package io.aisle.recommend.pipeline;

import io.aisle.recommend.data.Sequences;
import io.aisle.recommend.model.ItemScorer;

/**
 * One tuned candidate source: fits a scorer on a set of histories. {@code refits} says whether fitting on more
 * data (validation → test) trains again; neural models keep their validation fit, which the protocol allows.
 */
public interface SourceFit {
    String name();

    ItemScorer fit(Sequences training);

    default boolean refits() { return true; }
}
