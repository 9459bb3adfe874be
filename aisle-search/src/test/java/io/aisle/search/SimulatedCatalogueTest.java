package io.aisle.search;

import io.aisle.core.catalog.Product;
import io.aisle.core.search.Facet;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.search.SearchResults;
import io.aisle.core.search.SearchSort;
import io.aisle.search.support.TestEngine;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.aisle.search.support.Requests.ids;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine over a 2,000-product synthetic catalogue: everything findable, facets consistent with filters. */
class SimulatedCatalogueTest {
    private static List<Product> products;
    private static TestEngine search;

    @BeforeAll static void index() {
        products = new CatalogGenerator(CatalogConfig.of(11, 2_000)).products().toList();
        search = TestEngine.lexical(products);
    }

    @AfterAll static void close() { search.close(); }

    private static SearchRequest request(String q, Map<String, List<String>> filters, int limit) {
        return new SearchRequest(q, filters, null, null, false, SearchSort.RELEVANCE, SearchMode.LEXICAL, 0, limit, null, false);
    }

    private static Facet facet(SearchResults r, String name) {
        return r.facets().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test void every_product_is_found_by_its_title() {
        Map<String, Long> sameTitle = products.stream().collect(Collectors.groupingBy(Product::title, Collectors.counting()));
        List<String> missed = new ArrayList<>();
        // Every third product keeps the test quick; over 2,000 products that is every category and brand many times.
        for (int i = 0; i < products.size(); i += 3) {
            Product p = products.get(i);
            // Variants may share a title; the product must be among the first of those that do.
            int depth = (int) Math.min(100, Math.max(10, sameTitle.get(p.title()) + 5));
            if (!ids(search.engine.search(request(p.title(), Map.of(), depth))).contains(p.id().value())) missed.add(p.id().value());
        }
        assertThat(missed).isEmpty();
    }

    @Test void every_product_is_found_by_its_id_words_brand_and_category() {
        Product p = products.get(123);
        assertThat(ids(search.engine.search(request(p.brand() + " " + p.category(), Map.of(), 100)))).contains(p.id().value());
    }

    @Test void browsing_counts_every_product_once_per_facet() {
        SearchResults all = search.engine.search(request("", Map.of(), 10));
        assertThat(all.total()).isEqualTo(products.size());
        Facet categories = facet(all, "category");
        assertThat(categories.values().stream().mapToLong(Facet.Value::count).sum()).isEqualTo(products.size());
    }

    @Test void each_facet_value_selects_exactly_as_many_products_as_it_counts() {
        SearchResults all = search.engine.search(request("", Map.of(), 10));
        for (Facet.Value category : facet(all, "category").values()) {
            SearchResults inCategory = search.engine.search(request("", Map.of("category", List.of(category.value())), 10));
            assertThat(inCategory.total()).as(category.value()).isEqualTo(category.count());
            Facet brands = facet(inCategory, "brand");
            assertThat(brands.values().stream().mapToLong(Facet.Value::count).sum()).as(category.value()).isEqualTo(category.count());
            Facet.Value brand = brands.values().get(0);
            SearchResults both = search.engine.search(request("", Map.of("category", List.of(category.value()), "brand", List.of(brand.value())), 10));
            assertThat(both.total()).isEqualTo(brand.count());
        }
    }

    @Test void attribute_facets_select_what_they_count() {
        SearchResults laptops = search.engine.search(request("laptop", Map.of(), 10));
        assertThat(laptops.facets()).extracting(Facet::name).contains("brand", "category");
        for (Facet f : laptops.facets().subList(2, laptops.facets().size())) {
            Facet.Value v = f.values().get(0);
            SearchResults narrowed = search.engine.search(request("laptop", Map.of(f.name(), List.of(v.value())), 10));
            assertThat(narrowed.total()).as(f.name() + "=" + v.value()).isEqualTo(v.count());
        }
    }

    @Test void totals_agree_with_the_facets_for_text_queries() {
        for (String q : List.of("laptop", "headphones", "coffee machine", "sofa", "running shoes")) {
            SearchResults r = search.engine.search(request(q, Map.of(), 10));
            assertThat(r.total()).as(q).isPositive();
            long counted = facet(r, "category").values().stream().mapToLong(Facet.Value::count).sum();
            assertThat(counted).as(q).isEqualTo(r.total());
        }
    }

    @Test void ids_resolve_to_catalogue_products() {
        Map<String, Product> byId = products.stream().collect(Collectors.toMap(p -> p.id().value(), Function.identity()));
        SearchResults r = search.engine.search(request("laptop", Map.of(), 20));
        assertThat(r.hits()).allSatisfy(h -> {
            Product p = byId.get(h.id().value());
            assertThat(h.title()).isEqualTo(p.title());
            assertThat(h.price()).isEqualTo(p.price());
            assertThat(h.inStock()).isEqualTo(p.inStock());
        });
    }
}
