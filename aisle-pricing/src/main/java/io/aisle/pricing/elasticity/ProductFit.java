package io.aisle.pricing.elasticity;

/**
 * A product's pooled fit across stores: own-price elasticity (partially pooled toward the category), cross-price
 * elasticity against the competitors' price index, deal and feature lifts, seasonal terms, and the spread of its
 * stores' elasticities around it.
 *
 * @param storeSpread         sd of true store elasticities around the product's (the hierarchy's tau)
 * @param unitsWithVariation  stores whose price varied enough to estimate their own slope
 */
public record ProductFit(String product, ElasticityEstimate elasticity, double crossElasticity, double crossSd,
                         double dealLift, double featLift, double[] season, double storeSpread, int units,
                         int unitsWithVariation) {
    /** The calendar's log lift in {@code week} (annual Fourier terms). */
    public double seasonLog(int week) {
        return Seasonality.logLift(season, week);
    }
}
