package io.aisle.core.event;

import io.aisle.core.catalog.ProductId;

import java.math.BigDecimal;
import java.util.Objects;

/** A product an event refers to; price and quantity as the storefront showed them. */
public record EventItem(ProductId itemId, BigDecimal price, int quantity, Integer index) {
    public EventItem {
        Objects.requireNonNull(itemId, "itemId");
        if (quantity < 1) throw new IllegalArgumentException("quantity must be at least 1");
    }

    public static EventItem of(String itemId) { return new EventItem(ProductId.of(itemId), null, 1, null); }
}
