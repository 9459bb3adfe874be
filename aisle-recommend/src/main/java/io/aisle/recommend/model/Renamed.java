package io.aisle.recommend.model;

/** A scorer under another name, so one model can feed the ranker twice with different settings. */
public record Renamed(String name, ItemScorer inner) implements ItemScorer {
    @Override public void score(int[] history, float[] scores) { inner.score(history, scores); }
}
