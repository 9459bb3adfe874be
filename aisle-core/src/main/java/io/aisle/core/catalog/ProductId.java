package io.aisle.core.catalog;

import io.aisle.core.validation.Text;

/** The merchant's product or variant identifier (SKU). */
public record ProductId(String value) implements Comparable<ProductId> {
    public ProductId { Text.requireId("id", value); }

    public static ProductId of(String value) { return new ProductId(value); }

    @Override public int compareTo(ProductId o) { return value.compareTo(o.value); }

    @Override public String toString() { return value; }
}
