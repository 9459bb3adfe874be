package io.aisle.embeddings.text;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.simulator.CatalogConfig;
import io.aisle.simulator.CatalogGenerator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProductTextTest {
    private final ProductText text = ProductText.defaults();

    private static Product shoe(String title, String price, String description) {
        Map<String, AttributeValue> attrs = Map.of(
                "good_for", new AttributeValue.Texts(List.of("plantar fasciitis", "long runs")),
                "cushioning", new AttributeValue.Text("maximum"),
                "drop", new AttributeValue.Number(8, "mm"),
                "waterproof", new AttributeValue.Flag(false),
                "reflective", new AttributeValue.Flag(true));
        return new Product(ProductId.of("P1"), null, title, description, "Stridex", List.of("Shoes", "Running Shoes"),
                attrs, new Money(new BigDecimal(price), "EUR"), Map.of("web", 3), List.of(), "/p/P1");
    }

    @Test
    void names_title_brand_category_uses_and_attributes_then_leading_sentences() {
        String t = text.of(shoe("Stridex Aero 3", "119.99", "Soft and light. Built for long runs! Third sentence here. Fourth."));
        assertThat(t).isEqualTo("Stridex Aero 3. Brand: Stridex. Category: Shoes > Running Shoes. "
                + "Good for: plantar fasciitis, long runs; cushioning: maximum; drop: 8 mm; reflective. "
                + "Soft and light. Built for long runs!");
    }

    @Test
    void leaves_out_false_flags_price_and_stock() {
        String t = text.of(shoe("Stridex Aero 3", "119.99", ""));
        assertThat(t).doesNotContain("waterproof").doesNotContain("119").doesNotContain("web");
    }

    @Test
    void a_price_change_keeps_the_text_and_its_hash() {
        String a = text.of(shoe("Stridex Aero 3", "119.99", "Soft."));
        String b = text.of(shoe("Stridex Aero 3", "89.99", "Soft."));
        assertThat(ProductText.hash(a)).isEqualTo(ProductText.hash(b));
        assertThat(ProductText.hash(a)).isNotEqualTo(ProductText.hash(text.of(shoe("Stridex Aero 4", "119.99", "Soft."))));
    }

    @Test
    void stays_within_its_bound_on_every_simulated_product() {
        CatalogGenerator catalogue = new CatalogGenerator(CatalogConfig.of(42, 2_000));
        catalogue.products().forEach(p -> {
            String t = text.of(p);
            assertThat(t.length()).isBetween(10, 320);
            assertThat(t).startsWith(p.title().substring(0, Math.min(20, p.title().length())));
        });
        assertThat(new ProductText(64, 2, 1).of(catalogue.product(0)).length()).isLessThanOrEqualTo(64);
    }

    @Test
    void adds_description_sentences_only_whole() {
        String t = new ProductText(140, 1, 2).of(shoe("Stridex Aero 3", "119.99", "Soft and light. Built for long runs on hard roads and trails!"));
        assertThat(t).isEqualTo("Stridex Aero 3. Brand: Stridex. Category: Shoes > Running Shoes. "
                + "Good for: plantar fasciitis, long runs. Soft and light.");
    }

    @Test
    void splits_sentences_only_at_a_stop_followed_by_space() {
        assertThat(ProductText.leadingSentences("Holds 1.5 l of water. Brews fast. Lasts.", 2))
                .containsExactly("Holds 1.5 l of water.", "Brews fast.");
        assertThat(ProductText.leadingSentences("No stop at the end", 2)).containsExactly("No stop at the end");
    }
}
