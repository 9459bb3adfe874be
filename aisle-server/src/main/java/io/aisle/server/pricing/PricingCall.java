package io.aisle.server.pricing;

import io.aisle.pricing.PricingRequest;

import java.util.List;

/**
 * A parsed recommendation request: the optimiser's request, each product's sales data, the elasticity prior, and
 * whether uncertain products may be priced by Thompson sampling to learn their curve ({@code explore}).
 */
public record PricingCall(PricingRequest request, List<PricedProduct> products, double priorElasticity, double priorSd,
                          boolean explore) {}
