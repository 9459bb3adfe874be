package io.aisle.server.derived;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.store.embedded.EmbeddedStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LiveItemCatalogTest {

    private static Product product(String id, String category, String price) {
        return new Product(ProductId.of(id), null, "Item " + id, null, "Brand", List.of("Shoes", category), Map.of(),
                Money.of(price, "EUR"), Map.of(), List.of(), null);
    }

    @Test void snapshotHasMediansLaterProductsAreFoundAndMissesAreRetried(@TempDir Path dir) {
        try (EmbeddedStorage storage = EmbeddedStorage.open(dir)) {
            storage.catalog().apply(List.of(new CatalogChange.Upsert(product("A", "Running", "50.00")),
                    new CatalogChange.Upsert(product("B", "Running", "150.00"))));
            AtomicLong clock = new AtomicLong();
            LiveItemCatalog items = new LiveItemCatalog(storage.catalog(), Duration.ofSeconds(60), clock::get);

            assertThat(items.facts(ProductId.of("A")).orElseThrow().categoryMedianPrice()).isEqualTo(100.0);
            assertThat(items.facts(ProductId.of("C"))).isEmpty();

            storage.catalog().apply(List.of(new CatalogChange.Upsert(product("C", "Trail", "80.00"))));
            assertThat(items.facts(ProductId.of("C"))).as("within the retry interval the miss stands").isEmpty();
            clock.addAndGet(Duration.ofSeconds(61).toNanos());
            var c = items.facts(ProductId.of("C")).orElseThrow();
            assertThat(c.category()).isEqualTo("Shoes > Trail");
            assertThat(c.categoryMedianPrice()).isNaN();
        }
    }
}
