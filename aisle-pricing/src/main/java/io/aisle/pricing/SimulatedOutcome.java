package io.aisle.pricing;

/**
 * Simulated results of one price for one period: units sold, revenue and margin (gross profit) distributions, and the
 * probability that demand exceeds the stock on hand (0 when stock is unknown).
 */
public record SimulatedOutcome(double price, Distribution units, Distribution revenue, Distribution margin, double stockOutRisk) {}
