package io.aisle.store.embedded;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.CatalogChange.Delete;
import io.aisle.core.catalog.CatalogChange.Upsert;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.aisle.store.embedded.Fixtures.NOW;
import static io.aisle.store.embedded.Fixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteCatalogStoreTest {
    @TempDir Path dir;
    private EmbeddedStorage storage;
    private SqliteCatalogStore catalog;

    @BeforeEach void open() {
        storage = EmbeddedStorage.open(dir, Fixtures.options());
        catalog = storage.catalog();
    }

    @AfterEach void close() { storage.close(); }

    private void reopen() {
        storage.close();
        open();
    }

    @Test void upserted_products_read_back_equal_and_replace_earlier_versions() {
        Product shoe = product("shoe-1", null);
        catalog.apply(List.of(new Upsert(shoe)));
        assertThat(catalog.get(ProductId.of("shoe-1"))).contains(shoe);
        Product renamed = new Product(shoe.id(), null, "Trail shoe", shoe.description(), shoe.brand(),
                shoe.categoryPath(), shoe.attributes(), shoe.price(), Map.of(), shoe.images(), "/p/shoe-1");
        catalog.apply(List.of(new Upsert(renamed)));
        reopen();
        assertThat(catalog.get(ProductId.of("shoe-1"))).contains(renamed);
        assertThat(catalog.get(ProductId.of("missing"))).isEmpty();
        assertThat(catalog.count()).isEqualTo(1);
    }

    @Test void a_variant_may_arrive_before_its_parent() {
        catalog.apply(List.of(new Upsert(product("shoe-1-42", "shoe-1"))));
        assertThat(catalog.get(ProductId.of("shoe-1-42"))).get().extracting(Product::parentId)
                .isEqualTo(ProductId.of("shoe-1"));
    }

    @Test void apply_logs_changes_in_order_and_deleting_a_missing_product_logs_nothing() {
        List<LoggedChange> logged = catalog.apply(List.of(new Upsert(product("a", null)),
                new Upsert(product("b", null)), new Delete(ProductId.of("a")), new Delete(ProductId.of("never"))));
        assertThat(logged).extracting(LoggedChange::offset).containsExactly(1L, 2L, 3L);
        assertThat(logged).extracting(LoggedChange::at).containsOnly(NOW);
        assertThat(catalog.apply(List.of(new Delete(ProductId.of("never"))))).isEmpty();
        List<LoggedChange> more = catalog.apply(List.of(new Upsert(product("c", null))));
        assertThat(more).extracting(LoggedChange::offset).containsExactly(4L);

        reopen();
        List<LoggedChange> all = catalog.changesAfter(0, 100);
        assertThat(all).containsExactlyElementsOf(concat(logged, more));
        assertThat(catalog.changesAfter(2, 1)).extracting(c -> c.change().id().value()).containsExactly("a");
        assertThat(catalog.changesAfter(2, 1).getFirst().change()).isInstanceOf(Delete.class);
        assertThat(catalog.changesAfter(4, 10)).isEmpty();
        assertThat(catalog.get(ProductId.of("a"))).isEmpty();
    }

    @Test void a_batch_that_fails_in_the_database_leaves_no_trace() throws Exception {
        catalog.apply(List.of(new Upsert(product("keep", null))));
        Fixtures.sql(dir.resolve("aisle.db"), "CREATE TRIGGER poison BEFORE INSERT ON products "
                + "WHEN NEW.id = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned product'); END");
        List<CatalogChange> batch = List.of(new Upsert(product("new-1", null)), new Delete(ProductId.of("keep")),
                new Upsert(product("poison", null)), new Upsert(product("new-2", null)));
        assertThatThrownBy(() -> catalog.apply(batch)).isInstanceOf(StorageException.class)
                .hasMessageContaining("poisoned product");
        assertThat(catalog.count()).isEqualTo(1);
        assertThat(catalog.get(ProductId.of("keep"))).isPresent();
        assertThat(catalog.get(ProductId.of("new-1"))).isEmpty();
        assertThat(catalog.changesAfter(0, 10)).hasSize(1);
        // The store carries on, and the failed batch used no offsets.
        assertThat(catalog.apply(List.of(new Upsert(product("new-1", null)))))
                .extracting(LoggedChange::offset).containsExactly(2L);
    }

    @Test void pages_walk_every_product_in_id_order() {
        List<CatalogChange> changes = new ArrayList<>();
        IntStream.range(0, 250).forEach(i -> changes.add(new Upsert(product(String.format("p-%03d", 249 - i), null))));
        catalog.apply(changes);
        List<String> seen = new ArrayList<>();
        String after = null;
        for (List<Product> page; !(page = catalog.page(after, 40)).isEmpty(); after = page.getLast().id().value()) {
            page.forEach(p -> seen.add(p.id().value()));
        }
        assertThat(seen).hasSize(250).isSorted().doesNotHaveDuplicates();
        assertThat(catalog.page(null, 0)).isEmpty();
    }

    @Test void get_all_returns_the_existing_products_among_many_ids() {
        List<CatalogChange> changes = new ArrayList<>();
        IntStream.range(0, 1200).forEach(i -> changes.add(new Upsert(product("p" + i, null))));
        catalog.apply(changes);
        // p0..p1299 in a scrambled order (7 and 1300 are coprime), over three IN chunks; p1200.. do not exist.
        List<ProductId> wanted = new ArrayList<>();
        IntStream.range(0, 1300).forEach(i -> wanted.add(ProductId.of("p" + (i * 7 % 1300))));
        wanted.add(ProductId.of("p1")); // a repeated id is fine
        Map<ProductId, Product> found = catalog.getAll(wanted);
        assertThat(found).hasSize(1200);
        assertThat(found.get(ProductId.of("p1199"))).isEqualTo(product("p1199", null));
        assertThat(found).doesNotContainKey(ProductId.of("p1200"));
        assertThat(catalog.getAll(List.of(ProductId.of("p3"), ProductId.of("nope")))).containsOnlyKeys(ProductId.of("p3"));
        assertThat(catalog.getAll(List.of())).isEmpty();
    }

    @Test void concurrent_applies_are_serialised_without_losing_changes() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<LoggedChange>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> catalog.apply(IntStream.range(0, 50)
                        .mapToObj(i -> (CatalogChange) new Upsert(product("t" + thread + "-" + i, null))).toList())));
            }
            for (Future<List<LoggedChange>> f : futures) {
                List<Long> offsets = f.get().stream().map(LoggedChange::offset).toList();
                // One transaction each: a batch's offsets are contiguous.
                assertThat(offsets.getLast() - offsets.getFirst()).isEqualTo(49);
            }
        }
        assertThat(catalog.count()).isEqualTo(400);
        assertThat(catalog.changesAfter(0, 1000)).extracting(LoggedChange::offset)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 400).mapToObj(i -> (long) i).toList());
    }

    @Test void a_closed_store_refuses_work() {
        catalog.close();
        assertThatThrownBy(() -> catalog.count()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> catalog.apply(List.of(new Upsert(product("x", null)))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
