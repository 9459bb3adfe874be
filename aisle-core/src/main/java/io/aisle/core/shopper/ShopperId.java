package io.aisle.core.shopper;

import io.aisle.core.validation.Text;

/** A known (logged-in) shopper's identifier, as the merchant assigns it. */
public record ShopperId(String value) {
    public ShopperId { Text.requireId("shopper_id", value); }

    public static ShopperId of(String value) { return new ShopperId(value); }

    @Override public String toString() { return value; }
}
