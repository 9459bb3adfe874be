package io.aisle.server.recommend;

import io.aisle.core.catalog.ProductId;

/**
 * A listing a list is built around: one of the shopper's recent items, the product on the page, a cart line, an
 * item of the session in progress.
 *
 * @param weight how much it counts, relative to the other anchors of the same request
 * @param verb   how the shopper engaged with it, for reasons ("because you bought ...")
 */
public record Anchor(ProductId id, double weight, String title, ItemPulse.Verb verb) {}
