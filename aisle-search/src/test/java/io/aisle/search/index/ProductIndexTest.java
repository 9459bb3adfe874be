package io.aisle.search.index;

import io.aisle.core.catalog.CatalogChange;
import io.aisle.core.catalog.LoggedChange;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.port.CatalogStore;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchSort;
import io.aisle.search.support.Products;
import io.aisle.search.support.Requests;
import io.aisle.search.support.TestEngine;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ProductIndexTest {
    private static final int WAIT_MS = 10_000;

    private static Product product(String id, String title) {
        return Products.product(id, title, "Acme", "Home > Kitchen > Mugs", "5.00", 1, "", Map.of());
    }

    private static ProductIndex open(Directory dir) { return ProductIndex.open(dir); }

    static List<String> ids(ProductIndex index, String field, String term) {
        IndexSearcher s = index.acquire();
        try {
            List<String> out = new ArrayList<>();
            for (ScoreDoc sd : s.search(new TermQuery(new Term(field, term)), 100).scoreDocs) {
                out.add(s.storedFields().document(sd.doc).get(SearchFields.ID));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            index.release(s);
        }
    }

    static TreeSet<String> allIds(ProductIndex index) {
        IndexSearcher s = index.acquire();
        try {
            TreeSet<String> out = new TreeSet<>();
            for (ScoreDoc sd : s.search(new MatchAllDocsQuery(), 10_000).scoreDocs) {
                out.add(s.storedFields().document(sd.doc).get(SearchFields.ID));
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            index.release(s);
        }
    }

    @Test void an_upsert_becomes_searchable_without_a_manual_refresh() {
        try (ProductIndex index = open(new ByteBuffersDirectory())) {
            long generation = index.upsert(product("m1", "Blue enamel mug"));
            assertThat(index.awaitVisible(generation, WAIT_MS)).isTrue();
            assertThat(ids(index, SearchFields.TITLE, "enamel")).containsExactly("m1");
        }
    }

    @Test void the_background_refresh_publishes_changes_on_its_own() throws InterruptedException {
        try (ProductIndex index = open(new ByteBuffersDirectory())) {
            index.upsert(product("m1", "Blue enamel mug"));
            // No refresh and no waiting on the generation: the reopen thread must publish it by itself.
            for (int i = 0; i < WAIT_MS / 20 && ids(index, SearchFields.TITLE, "enamel").isEmpty(); i++) Thread.sleep(20);
            assertThat(ids(index, SearchFields.TITLE, "enamel")).containsExactly("m1");
        }
    }

    @Test void an_update_replaces_the_old_version_and_a_delete_removes_it() {
        try (ProductIndex index = open(new ByteBuffersDirectory())) {
            index.upsert(product("m1", "Blue enamel mug"));
            index.awaitVisible(index.upsert(product("m1", "Red ceramic mug")), WAIT_MS);
            assertThat(ids(index, SearchFields.TITLE, "enamel")).isEmpty();
            assertThat(ids(index, SearchFields.TITLE, "ceramic")).containsExactly("m1");
            assertThat(index.awaitVisible(index.delete(ProductId.of("m1")), WAIT_MS)).isTrue();
            assertThat(ids(index, SearchFields.TITLE, "ceramic")).isEmpty();
            assertThat(index.size()).isZero();
        }
    }

    @Test void refresh_now_makes_changes_visible_at_once() {
        try (ProductIndex index = open(new ByteBuffersDirectory())) {
            index.apply(List.of(new CatalogChange.Upsert(product("a", "Teapot")), new CatalogChange.Upsert(product("b", "Kettle"))));
            index.refreshNow();
            assertThat(allIds(index)).containsExactly("a", "b");
        }
    }

    @Test void rebuilding_from_the_catalogue_gives_the_same_index_as_following_its_changes() {
        List<Product> catalogue = Products.catalogue();
        try (ProductIndex followed = open(new ByteBuffersDirectory()); ProductIndex rebuilt = open(new ByteBuffersDirectory())) {
            followed.apply(List.of(new CatalogChange.Upsert(product("gone", "Discontinued kettle")),
                    new CatalogChange.Upsert(product("tote", "Old tote title"))));
            for (Product p : catalogue) followed.upsert(p);
            followed.delete(ProductId.of("gone"));
            followed.refreshNow();
            rebuilt.rebuild(catalogue);
            assertThat(allIds(followed)).isEqualTo(allIds(rebuilt)).hasSize(catalogue.size());
            for (String word : List.of("tote", "laptop", "toner", "old", "kettle")) {
                assertThat(ids(followed, SearchFields.ALL, word)).as(word).isEqualTo(ids(rebuilt, SearchFields.ALL, word));
            }
        }
    }

    @Test void rebuild_deletes_products_no_longer_in_the_catalogue() {
        try (ProductIndex index = open(new ByteBuffersDirectory())) {
            index.rebuild(List.of(product("a", "Teapot"), product("b", "Kettle")));
            index.rebuild(List.of(product("b", "Kettle"), product("c", "Toaster")));
            assertThat(allIds(index)).containsExactly("b", "c");
        }
    }

    @Test void rebuild_reads_a_catalogue_store_page_by_page() {
        List<Product> many = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) many.add(product(String.format("p%05d", i), "Mug number " + i));
        try (ProductIndex index = open(new ByteBuffersDirectory())) {
            index.rebuild(ProductIndex.catalogue(new PagedStore(many)));
            assertThat(index.size()).isEqualTo(1_234);
        }
    }

    @Test void the_commit_remembers_the_catalogue_offset_across_reopening() {
        Directory dir = new ByteBuffersDirectory();
        try (ProductIndex index = open(dir)) {
            assertThat(index.committedOffset()).isEqualTo(-1);
            index.upsert(product("a", "Teapot"));
            index.commit(42);
        }
        try (ProductIndex reopened = open(dir)) {
            assertThat(reopened.committedOffset()).isEqualTo(42);
            assertThat(reopened.size()).isEqualTo(1);
        }
    }

    @Test void a_vector_is_indexed_only_when_the_product_has_one() {
        float[] unit = new float[8];
        unit[0] = 3;
        Function<Product, float[]> vectors = p -> p.id().value().equals("with") ? unit : null;
        try (ProductIndex index = ProductIndex.open(new ByteBuffersDirectory(), Analyzers.standard(), vectors, p -> 0)) {
            index.rebuild(List.of(product("with", "Teapot"), product("without", "Kettle")));
            IndexSearcher s = index.acquire();
            try {
                var top = s.search(new org.apache.lucene.search.KnnFloatVectorQuery(SearchFields.VECTOR, new float[] {1, 0, 0, 0, 0, 0, 0, 0}, 5), 5);
                assertThat(top.scoreDocs).hasSize(1);
                // Scaled to unit length on the way in: a dot product of 1 scores (1 + 1) / 2.
                assertThat(top.scoreDocs[0].score).isEqualTo(1f);
            } catch (IOException e) {
                throw new AssertionError(e);
            } finally {
                index.release(s);
            }
        }
    }

    @Test void a_vector_of_another_dimension_is_left_out_rather_than_failing_the_batch() {
        Function<Product, float[]> vectors = p -> p.id().value().equals("odd") ? new float[] {1, 0, 0, 0} : new float[] {0, 1, 0, 0, 0, 0, 0, 0};
        try (ProductIndex index = ProductIndex.open(new ByteBuffersDirectory(), Analyzers.standard(), vectors, p -> 0)) {
            index.rebuild(List.of(product("even", "Teapot"), product("odd", "Kettle")));
            assertThat(allIds(index)).containsExactly("even", "odd");
        }
    }

    @Test void popularity_changes_in_place_and_reorders_the_popularity_sort() {
        try (TestEngine search = TestEngine.lexical(Products.catalogue())) {
            SearchRequest byPopularity = Requests.sorted("", SearchSort.POPULARITY, 0, 1);
            assertThat(Requests.ids(search.engine.search(byPopularity))).doesNotContain("sofa");
            search.index.awaitVisible(search.index.updatePopularity(ProductId.of("sofa"), 99), WAIT_MS);
            assertThat(Requests.ids(search.engine.search(byPopularity))).containsExactly("sofa");
        }
    }

    /** Only {@link #page} is needed by the index. */
    private record PagedStore(List<Product> products) implements CatalogStore {
        @Override public List<Product> page(String afterId, int limit) {
            return products.stream().filter(p -> afterId == null || p.id().value().compareTo(afterId) > 0).limit(limit).toList();
        }

        @Override public Optional<Product> get(ProductId id) { throw new UnsupportedOperationException(); }

        @Override public Map<ProductId, Product> getAll(Collection<ProductId> ids) { throw new UnsupportedOperationException(); }

        @Override public List<LoggedChange> apply(List<CatalogChange> changes) { throw new UnsupportedOperationException(); }

        @Override public long count() { return products.size(); }

        @Override public List<LoggedChange> changesAfter(long afterOffset, int max) { throw new UnsupportedOperationException(); }

        @Override public void close() {}
    }
}
