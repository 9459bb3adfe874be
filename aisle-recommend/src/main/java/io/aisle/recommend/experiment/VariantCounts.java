package io.aisle.recommend.experiment;

/**
 * Raw counts for one variant, as the event log gives them; {@link ExperimentAnalysis} turns them into estimates.
 *
 * @param revenueSquares sum over sessions of the squared session revenue, for the variance of revenue per session
 */
public record VariantCounts(String variant, long sessions, long impressions, long clicks, long cartSessions,
                            double revenue, double revenueSquares) {
    public static VariantCounts empty(String variant) { return new VariantCounts(variant, 0, 0, 0, 0, 0, 0); }
}
