package io.aisle.simulator;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.json.Decoded;
import io.aisle.core.json.Json;
import io.aisle.core.json.ProductJson;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogGeneratorTest {
    private static final CatalogGenerator GENERATOR = new CatalogGenerator(CatalogConfig.of(42, 3000));
    private static final List<Product> PRODUCTS = GENERATOR.products().toList();

    @Test
    void same_seed_gives_identical_products() {
        assertThat(new CatalogGenerator(CatalogConfig.of(42, 3000)).products().toList()).isEqualTo(PRODUCTS);
    }

    @Test
    void different_seeds_give_different_products() {
        List<Product> other = new CatalogGenerator(CatalogConfig.of(43, 3000)).products().toList();
        long same = 0;
        for (int i = 0; i < PRODUCTS.size(); i++) if (PRODUCTS.get(i).equals(other.get(i))) same++;
        assertThat(same).isLessThan(30);
    }

    @Test
    void random_access_and_shards_match_the_stream() {
        for (int i = 0; i < PRODUCTS.size(); i += 37) assertThat(GENERATOR.product(i)).isEqualTo(PRODUCTS.get(i));
        assertThat(GENERATOR.products(1001, 1777).toList()).isEqualTo(PRODUCTS.subList(1001, 1777));
        assertThat(GENERATOR.products(0, 1500).parallel().toList()).isEqualTo(PRODUCTS.subList(0, 1500));
    }

    @Test
    void product_content_does_not_depend_on_catalogue_size() {
        List<Product> bigger = new CatalogGenerator(CatalogConfig.of(42, 5000)).products(0, 2992).toList();
        assertThat(bigger).isEqualTo(PRODUCTS.subList(0, 2992));
    }

    @Test
    void ids_are_sequential_padded_and_urls_follow_them() {
        for (int i = 0; i < PRODUCTS.size(); i++) {
            Product p = PRODUCTS.get(i);
            assertThat(p.id().value()).isEqualTo(CatalogGenerator.productId(i)).matches("P\\d{6}");
            assertThat(p.url()).isEqualTo("/store/products/" + p.id());
            assertThat(p.images()).first().isEqualTo("/demo-images/" + p.id() + ".svg");
        }
        assertThat(CatalogGenerator.productId(123)).isEqualTo("P000123");
        assertThat(CatalogGenerator.productId(12_345_678)).isEqualTo("P12345678");
    }

    @Test
    void every_product_survives_a_product_json_round_trip() {
        ProductJson codec = new ProductJson(Json.mapper());
        for (Product p : PRODUCTS) {
            Decoded<Product> back = codec.decode(codec.encode(p), "");
            assertThat(back.errors()).as("errors for %s", p.id()).isEmpty();
            assertThat(back.value()).isEqualTo(p);
        }
    }

    @Test
    void variants_point_at_a_parent_listed_just_before_them() {
        Map<ProductId, Integer> index = new HashMap<>();
        for (int i = 0; i < PRODUCTS.size(); i++) index.put(PRODUCTS.get(i).id(), i);
        long variants = 0;
        for (int i = 0; i < PRODUCTS.size(); i++) {
            Product child = PRODUCTS.get(i);
            if (child.parentId() == null) continue;
            variants++;
            Integer at = index.get(child.parentId());
            assertThat(at).as("parent of %s", child.id()).isNotNull().isLessThan(i).isGreaterThanOrEqualTo(i - 7);
            Product parent = PRODUCTS.get(at);
            assertThat(parent.parentId()).isNull();
            assertThat(parent.categoryPath()).isEqualTo(child.categoryPath());
            assertThat(parent.brand()).isEqualTo(child.brand());
            assertThat(child.title()).startsWith(parent.title() + ", ");
            assertThat(parent.stock()).as("stock lives on variants").isEmpty();
        }
        assertThat(variants).isBetween(PRODUCTS.size() / 10L, PRODUCTS.size() / 2L);
    }

    @Test
    void spans_about_twenty_categories_each_with_several_brands() {
        Map<String, Set<String>> brands = PRODUCTS.stream().collect(Collectors.groupingBy(
                p -> String.join(" > ", p.categoryPath()), Collectors.mapping(Product::brand, Collectors.toSet())));
        assertThat(brands).hasSize(20).containsKeys("Shoes > Running Shoes", "Electronics > Computers > Laptops",
                "Outdoors > Camping > Tents", "Home > Kitchen > Coffee Makers");
        assertThat(brands.values()).allSatisfy(b -> assertThat(b.size()).isGreaterThanOrEqualTo(4));
        assertThat(GENERATOR.categories()).containsExactlyInAnyOrderElementsOf(brands.keySet());
    }

    @Test
    void prices_cluster_around_category_medians_with_shop_endings() {
        Set<Integer> endings = new HashSet<>();
        for (Product p : PRODUCTS) {
            assertThat(p.price().currency()).isEqualTo("EUR");
            assertThat(p.price().amount().signum()).isPositive();
            endings.add(p.price().amount().remainder(java.math.BigDecimal.ONE).movePointRight(2).intValue());
        }
        assertThat(endings).isSubsetOf(0, 49, 95, 99).contains(0, 95, 99);
        double laptops = medianPrice("Laptops"), coffee = medianPrice("Coffee Beans");
        assertThat(laptops).isBetween(500.0, 1600.0);
        assertThat(coffee).isBetween(8.0, 30.0);
    }

    private static double medianPrice(String leaf) {
        double[] prices = PRODUCTS.stream().filter(p -> p.category().equals(leaf) && p.parentId() == null)
                .mapToDouble(p -> p.price().amount().doubleValue()).sorted().toArray();
        return prices[prices.length / 2];
    }

    @Test
    void stock_is_held_per_location_and_some_products_are_sold_out() {
        List<Product> sellable = PRODUCTS.stream().filter(p -> !p.stock().isEmpty()).toList();
        assertThat(sellable).allSatisfy(p -> assertThat(p.stock()).containsKey("web")
                .satisfies(s -> assertThat(s.keySet()).isSubsetOf("web", "store-berlin", "store-paris")));
        double soldOut = sellable.stream().filter(p -> !p.inStock()).count() / (double) sellable.size();
        assertThat(soldOut).isBetween(0.02, 0.15);
        assertThat(sellable.stream().filter(p -> p.stock().containsKey("store-paris")).count()).isGreaterThan(sellable.size() / 3L);
    }

    @Test
    void copy_is_several_sentences_naming_attributes_and_uses() {
        for (Product p : PRODUCTS.subList(0, 500)) {
            assertThat(p.description().split("\\. ")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(p.description()).doesNotContain("{").doesNotContain("null");
            AttributeValue uses = p.attributes().get("good_for");
            assertThat(uses).isInstanceOf(AttributeValue.Texts.class);
            for (String use : ((AttributeValue.Texts) uses).values()) assertThat(p.description()).contains(use);
            assertThat(p.title()).contains(p.brand().equals("") ? "" : p.category().equals("Fiction") ? " by " : p.brand());
        }
    }

    @Test
    void uses_follow_the_attributes_that_earn_them() {
        // "plantar fasciitis" is only offered for maximum cushioning, so search and the assistant can trust it.
        List<Product> forHeels = PRODUCTS.stream().filter(p -> p.attributes().get("good_for") instanceof AttributeValue.Texts t
                && t.values().contains("plantar fasciitis")).toList();
        assertThat(forHeels).isNotEmpty().allSatisfy(p ->
                assertThat(p.attributes().get("cushioning")).isEqualTo(new AttributeValue.Text("maximum")));
    }

    @Test
    void streams_a_hundred_thousand_products_one_family_at_a_time() {
        CatalogGenerator large = new CatalogGenerator(CatalogConfig.of(7, 100_000));
        BitSet seen = new BitSet(100_000);
        long parents = large.products().peek(p -> seen.set(Integer.parseInt(p.id().value().substring(1))))
                .filter(p -> p.parentId() == null).count();
        assertThat(seen.cardinality()).isEqualTo(100_000);
        assertThat(parents).isBetween(50_000L, 95_000L);
    }

    @Test
    void a_huge_catalogue_is_addressable_without_generating_it() {
        CatalogGenerator huge = new CatalogGenerator(CatalogConfig.of(7, 50_000_000));
        assertThat(huge.product(49_999_999).id().value()).isEqualTo("P49999999");
        assertThat(huge.products(30_000_000, 30_000_010).count()).isEqualTo(10);
        assertThat(huge.products().limit(5).count()).isEqualTo(5);
    }

    @Test
    void refuses_bad_configuration_naming_the_value() {
        assertThatThrownBy(() -> CatalogConfig.of(1, 0)).hasMessageContaining("size");
        assertThatThrownBy(() -> CatalogConfig.of(1, 10).withCurrency("eur")).hasMessageContaining("currency");
        assertThatThrownBy(() -> CatalogConfig.of(1, 10).withLocations(List.of("store/x"))).hasMessageContaining("store/x");
        assertThatThrownBy(() -> GENERATOR.product(3000)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
