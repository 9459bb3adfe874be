package io.aisle.features.feature;

import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A hand-made shop for exact tests: two categories, two brands, a variant and its parent. Category medians:
 * Shoes > Running 80, Home > Kitchen 32.5.
 */
final class TinyShop {
    static final String RUNNING = "Shoes > Running";
    static final String KITCHEN = "Home > Kitchen";
    static final List<Product> PRODUCTS = List.of(
            product("P1", null, "Acme", List.of("Shoes", "Running"), "100.00"),
            product("P2", null, "Zoom", List.of("Shoes", "Running"), "60.00"),
            product("P3", null, "Acme", List.of("Home", "Kitchen"), "30.00"),
            product("P3-V", "P3", "Acme", List.of("Home", "Kitchen"), "35.00"));
    static final ItemCatalog ITEMS = ItemCatalog.of(PRODUCTS);
    static final Instant T0 = Instant.parse("2025-06-02T00:00:00Z");

    private TinyShop() {}

    private static Product product(String id, String parent, String brand, List<String> path, String price) {
        return new Product(ProductId.of(id), parent == null ? null : ProductId.of(parent), "Product " + id, null, brand, path,
                null, Money.of(price, "EUR"), null, null, null);
    }

    static ShopperEvent event(EventName name, String shopper, String session, Instant at, Long dwellMs, EventItem... items) {
        // Ids only need to be valid: the pipeline never reads them.
        return new ShopperEvent(EventId.of("e-" + shopper + "-" + name.wire() + "-" + at.toEpochMilli()), name, Actor.shopper(shopper), session, at,
                List.of(items), name == EventName.SEARCH ? "shoes" : null, null, null, null, null, dwellMs, null, null);
    }

    static ShopperEvent event(EventName name, String shopper, Instant at, EventItem... items) {
        return event(name, shopper, "se-" + shopper, at, name == EventName.DWELL ? 1_000L : null, items);
    }

    static EventItem item(String id, String price, int quantity) {
        return new EventItem(ProductId.of(id), price == null ? null : new BigDecimal(price), quantity, null);
    }

    static EventItem item(String id) { return item(id, null, 1); }
}
