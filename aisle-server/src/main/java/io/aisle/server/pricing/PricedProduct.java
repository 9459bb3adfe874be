package io.aisle.server.pricing;

import io.aisle.pricing.guard.ProductInput;

import java.util.List;

/**
 * A product in a pricing request: its guardrailed input plus what the demand model is learnt from: past periods with
 * units sold, or, with none, the units a period sells at the current price ({@code baseUnits}).
 */
public record PricedProduct(ProductInput input, List<UnitsAtPrice> sales, Double baseUnits) {
    /** Units sold in one past period at one price. */
    public record UnitsAtPrice(double price, double units) {}
}
