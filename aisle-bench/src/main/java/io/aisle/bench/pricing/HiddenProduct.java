package io.aisle.bench.pricing;

import io.aisle.pricing.elasticity.Seasonality;
import io.aisle.pricing.guard.Guardrails;

/**
 * A simulated product whose true demand curve the pricing policies never see: constant-elasticity log-log demand
 * with seasonality, promotion (feature advertising) weeks and a cross-price effect of the competitor's price; optionally the market drifts at
 * {@code driftPeriod} (the competitor cuts its price and shoppers grow more price-sensitive). The brand's pooled
 * elasticity (mean, and sd with the store spread) is what a pricer may know of a new product of a known brand.
 */
record HiddenProduct(String id, double elasticity, double alpha, double refPrice, double cost, double noiseSd,
                     double promoLift, double[] season, double crossElasticity, double competitorPrice, boolean[] promoWeeks,
                     Guardrails guardrails, int historyPoints, double brandElasticity, double brandElasticitySd) {
    /** Competitor's price cut and the steeper elasticity after the drift. */
    static final double COMPETITOR_CUT = 0.90;
    static final double DRIFT_STEEPENING = 1.25;

    /** Index into {@link #promoWeeks} and the week number of period {@code t} (history periods are negative). */
    int slot(int t) { return t + MarketSimulation.HISTORY; }

    boolean promoted(int t) { return promoWeeks[slot(t)]; }

    double competitor(int t, boolean drift, int driftPeriod) {
        return drift && t >= driftPeriod ? competitorPrice * COMPETITOR_CUT : competitorPrice;
    }

    double trueElasticity(int t, boolean drift, int driftPeriod) {
        return drift && t >= driftPeriod ? elasticity * DRIFT_STEEPENING : elasticity;
    }

    /** True mean log units at {@code price} in period {@code t}. */
    double meanLog(int t, double price, boolean drift, int driftPeriod) {
        return alpha + trueElasticity(t, drift, driftPeriod) * Math.log(price / refPrice)
                + crossElasticity * Math.log(competitor(t, drift, driftPeriod) / competitorPrice)
                + (promoted(t) ? promoLift : 0) + Seasonality.logLift(season, t);
    }

    /** True expected gross profit of {@code price} in period {@code t}. */
    double expectedProfit(int t, double price, boolean drift, int driftPeriod) {
        return (price - cost) * Math.exp(meanLog(t, price, drift, driftPeriod) + noiseSd * noiseSd / 2);
    }
}
