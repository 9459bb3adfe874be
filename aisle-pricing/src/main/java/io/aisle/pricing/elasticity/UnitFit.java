package io.aisle.pricing.elasticity;

/**
 * The fitted demand of one product in one store: its pooled elasticity, the intercept of its log-log line, reference
 * (geometric mean) prices, and the residual noise.
 */
public record UnitFit(String store, String product, ElasticityEstimate elasticity, double intercept, double interceptSd,
                      double refPrice, double refCompetitorPrice, double noiseSd) {}
