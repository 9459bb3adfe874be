package io.aisle.embeddings.content;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.embeddings.CountingEmbedder;
import io.aisle.embeddings.InMemoryCatalog;
import io.aisle.embeddings.InMemoryModelStore;
import io.aisle.embeddings.Neighbour;
import io.aisle.embeddings.SharedEncoder;
import io.aisle.embeddings.text.ProductText;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ContentVectorsTest {
    private final CatalogGenerator generator = new CatalogGenerator(CatalogConfig.of(42, 2_500));

    private InMemoryCatalog catalogOf(int n) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        generator.products(0, n).forEach(catalog::upsert);
        return catalog;
    }

    private static Product retitled(Product p, String title) {
        return new Product(p.id(), p.parentId(), title, p.description(), p.brand(), p.categoryPath(), p.attributes(),
                p.price(), p.stock(), p.images(), p.url());
    }

    private static Product repriced(Product p) {
        return new Product(p.id(), p.parentId(), p.title(), p.description(), p.brand(), p.categoryPath(), p.attributes(),
                new io.aisle.core.catalog.Money(p.price().amount().add(java.math.BigDecimal.ONE), p.price().currency()),
                java.util.Map.of("web", 0), p.images(), p.url());
    }

    @Test
    void first_refresh_embeds_the_whole_catalogue_in_batches() {
        InMemoryCatalog catalog = catalogOf(2_500);
        CountingEmbedder embedder = CountingEmbedder.hashedWords("hashed");
        ContentVectors vectors = new ContentVectors(embedder, ProductText.defaults());
        ContentRefresh r = vectors.refresh(catalog);
        assertThat(r.embedded()).isEqualTo(2_500);
        assertThat(embedder.texts()).isEqualTo(2_500);
        assertThat(embedder.calls()).isEqualTo(3); // one batch per page of 1,000 changes
        assertThat(vectors.size()).isEqualTo(2_500);
        assertThat(vectors.offset()).isEqualTo(2_500);
    }

    @Test
    void refresh_embeds_only_products_whose_text_changed_and_drops_deleted_ones() {
        InMemoryCatalog catalog = catalogOf(300);
        CountingEmbedder embedder = CountingEmbedder.hashedWords("hashed");
        ContentVectors vectors = new ContentVectors(embedder, ProductText.defaults());
        vectors.refresh(catalog);
        long before = embedder.texts();

        assertThat(vectors.refresh(catalog).changesRead()).isZero();
        Product p5 = generator.product(5), p6 = generator.product(6), p7 = generator.product(7);
        float[] old5 = vectors.vector(p5.id()).orElseThrow();
        catalog.upsert(repriced(p5));                      // price and stock only: same text
        catalog.upsert(retitled(p6, "Renamed " + p6.title()));
        catalog.upsert(retitled(p6, "Renamed twice " + p6.title())); // two changes, one embedding
        catalog.delete(p7.id());
        ContentRefresh r = vectors.refresh(catalog);

        assertThat(r.changesRead()).isEqualTo(4);
        assertThat(r.embedded()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(r.deleted()).isEqualTo(1);
        assertThat(embedder.texts() - before).isEqualTo(1);
        assertThat(vectors.vector(p5.id()).orElseThrow()).isSameAs(old5);
        assertThat(vectors.vector(p7.id())).isEmpty();
        assertThat(vectors.size()).isEqualTo(299);
    }

    @Test
    void saved_vectors_reload_and_a_restart_embeds_only_what_changed_since() {
        InMemoryCatalog catalog = catalogOf(200);
        InMemoryModelStore store = new InMemoryModelStore();
        ContentVectors first = new ContentVectors(CountingEmbedder.hashedWords("hashed"), ProductText.defaults());
        first.refresh(catalog);
        var version = first.save(store);
        assertThat(version.metadata()).containsEntry("model_id", "hashed").containsEntry("dimension", "16")
                .containsEntry("count", "200").containsEntry("catalog_offset", "200");

        catalog.upsert(retitled(generator.product(3), "Brand new title"));
        CountingEmbedder embedder = CountingEmbedder.hashedWords("hashed");
        ContentVectors reloaded = ContentVectors.loadLatest(store, embedder, ProductText.defaults());
        assertThat(reloaded.offset()).isEqualTo(200);
        assertThat(reloaded.ids()).containsExactlyElementsOf(first.ids());
        for (ProductId id : first.ids()) assertThat(reloaded.vector(id).orElseThrow()).isEqualTo(first.vector(id).orElseThrow());
        assertThat(reloaded.refresh(catalog).embedded()).isEqualTo(1);
        assertThat(embedder.texts()).isEqualTo(1);
    }

    @Test
    void vectors_of_another_encoder_or_text_recipe_are_not_reused() {
        InMemoryCatalog catalog = catalogOf(50);
        InMemoryModelStore store = new InMemoryModelStore();
        ContentVectors first = new ContentVectors(CountingEmbedder.hashedWords("hashed"), ProductText.defaults());
        first.refresh(catalog);
        first.save(store);
        assertThat(ContentVectors.loadLatest(store, CountingEmbedder.hashedWords("other-model"), ProductText.defaults()).size()).isZero();
        assertThat(ContentVectors.loadLatest(store, CountingEmbedder.hashedWords("hashed"), new ProductText(200, 4, 1)).offset()).isZero();
        assertThat(ContentVectors.loadLatest(store, CountingEmbedder.hashedWords("hashed"), ProductText.defaults()).size()).isEqualTo(50);
    }

    @Test
    void minilm_vectors_find_running_shoes_for_a_running_shoe_query() {
        // Five products of each of the 20 categories: 100 embeddings, the slow part of this suite.
        InMemoryCatalog catalog = new InMemoryCatalog();
        Map<String, List<Product>> byCategory = generator.products().collect(Collectors.groupingBy(Product::category));
        byCategory.values().forEach(ps -> ps.stream().limit(5).forEach(catalog::upsert));
        ContentVectors vectors = new ContentVectors(SharedEncoder.get(), ProductText.defaults());
        ContentRefresh r = vectors.refresh(catalog);
        System.out.printf("content vectors: %d products embedded in %.2f s (%.0f/s)%n", r.embedded(), r.seconds(), r.embedded() / r.seconds());

        List<Neighbour> hits = vectors.nearest(SharedEncoder.get().embed("running shoes"), 5, id -> false);
        long shoes = hits.stream().filter(n -> catalog.get(n.id()).orElseThrow().category().equals("Running Shoes")).count();
        assertThat(shoes).as("running shoes among the top 5 of %s", hits).isGreaterThanOrEqualTo(4);

        // Neighbours of a product mostly share its category (chance is 4 in 99).
        int same = 0, total = 0;
        for (ProductId id : vectors.ids()) {
            Product p = catalog.get(id).orElseThrow();
            for (Neighbour n : vectors.similar(id, 4)) {
                total++;
                if (catalog.get(n.id()).orElseThrow().category().equals(p.category())) same++;
            }
        }
        System.out.printf("content vectors: %.2f of top-4 neighbours share the category (chance 0.04)%n", (double) same / total);
        assertThat((double) same / total).isGreaterThan(0.7);
    }
}
