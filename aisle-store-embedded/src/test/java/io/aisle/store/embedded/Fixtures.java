package io.aisle.store.embedded;

import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.event.Actor;
import io.aisle.core.event.EventId;
import io.aisle.core.event.EventItem;
import io.aisle.core.event.EventName;
import io.aisle.core.event.ShopperEvent;
import io.aisle.core.shopper.AnonymousId;
import io.aisle.core.shopper.ShopperId;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Builders shared by the tests. */
final class Fixtures {
    private Fixtures() {}

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static ShopperEvent view(String eventId, String shopper) {
        return new ShopperEvent(EventId.of(eventId), EventName.VIEW_ITEM, Actor.shopper(shopper), "sess-1",
                NOW.minusSeconds(5), List.of(EventItem.of("sku-1")), null, null, null, null, null, 1200L, null, null);
    }

    /** A view by a signed-in shopper on a device; either id may be null. */
    static ShopperEvent view(String eventId, String shopper, String anonymous) {
        return new ShopperEvent(EventId.of(eventId), EventName.VIEW_ITEM,
                new Actor(shopper == null ? null : ShopperId.of(shopper), anonymous == null ? null : AnonymousId.of(anonymous)),
                "sess-3", NOW.minusSeconds(3), List.of(EventItem.of("sku-2")), null, null, null, null, null, 800L, null, null);
    }

    static ShopperEvent search(String eventId, String anonymous) {
        return new ShopperEvent(EventId.of(eventId), EventName.SEARCH, Actor.anonymous(anonymous), "sess-2",
                NOW.minusSeconds(1), List.of(), "trail shoes", Map.of("brand", List.of("Acme")), null, null, null,
                null, null, null);
    }

    static Product product(String id, String parent) {
        return new Product(ProductId.of(id), parent == null ? null : ProductId.of(parent), "Product " + id, "desc",
                "Acme", List.of("Shoes", "Running"), Map.of(), Money.of("19.99", "EUR"), Map.of("store-1", 3),
                List.of(), null);
    }

    static EmbeddedStorage.Options options() { return EmbeddedStorage.Options.defaults().withClock(CLOCK); }

    /** Runs SQL on a database file through a connection of its own, as an operator (or a fault) would. */
    static void sql(Path dbFile, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 5000");
            st.execute(sql);
        }
    }
}
