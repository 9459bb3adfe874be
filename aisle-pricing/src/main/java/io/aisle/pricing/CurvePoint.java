package io.aisle.pricing;

/** One point of a demand curve: expected units at a price with the 10th-90th percentile band from parameter uncertainty. */
public record CurvePoint(double price, double units, double unitsP10, double unitsP90) {}
