package io.aisle.recommend.pipeline;

import io.aisle.recommend.eval.RankingReport;

/** A source after tuning on validation: its settings (as text for reports), validation figures and tuning time. */
public record Tuned(String name, String settings, RankingReport validation, double seconds, int evaluations) {}
