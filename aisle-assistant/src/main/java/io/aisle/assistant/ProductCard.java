package io.aisle.assistant;

import io.aisle.core.catalog.Money;

/** A product as the assistant shows it, every field read from the catalogue record; {@code reason} says why it fits. */
public record ProductCard(String id, String title, String brand, Money price, boolean inStock, int stock, String url,
                          String reason) {}
