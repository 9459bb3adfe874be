package io.aisle.server.pricing;

import java.math.BigDecimal;

/** Where an applied price goes: the catalogue's record of the product, when the catalogue has one. */
@FunctionalInterface
public interface CatalogPrices {
    /** Sets the product's price (in its own currency); false when the catalogue does not hold the product. */
    boolean set(String productId, BigDecimal price);

    /** For a desk that only records decisions (tests, a pricing-only deployment). */
    CatalogPrices NONE = (id, price) -> false;
}
