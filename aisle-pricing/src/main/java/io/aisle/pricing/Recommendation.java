package io.aisle.pricing;

import java.util.List;

/**
 * A recommended price with its simulated outcome, the elasticity behind it (mean and 90% interval), the guardrails
 * that hold it where it is, and the Omnibus reference price to show if it is announced as a reduction.
 *
 * @param referencePrice lowest price of the previous 30 days, set when the new price is below the current one
 * @param curve          the demand curve around the current price, for plotting with the chosen point
 */
public record Recommendation(String productId, double price, double currentPrice, Double referencePrice,
                             String objective, double score, SimulatedOutcome expected, double elasticity,
                             double elasticityLo, double elasticityHi, List<String> bindingGuardrails,
                             List<CurvePoint> curve) {}
