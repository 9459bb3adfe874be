package io.aisle.ingest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.ingest.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Luma mapping on a hand-written sample, and on the real catalogue in shared/data when it is there. */
class LumaFeedTest {
    private final CatalogImporter importer = CatalogImporter.standard();
    private final Path sample = Fixtures.resource("catalog/luma-sample.jsonl");

    private static Path dataset() { return Fixtures.sharedData("magento-luma").resolve("luma_products_flat.jsonl"); }

    @Test
    void maps_a_product_with_category_paths_html_copy_and_yes_no_flags() throws IOException {
        Product fleece = byId(sample, "MT90");

        assertThat(importer.read(sample, ImportOptions.defaults()).format()).isEqualTo(CatalogFormat.LUMA_JSONL);
        assertThat(fleece.title()).isEqualTo("Arlo Trail Fleece");
        assertThat(fleece.price()).isEqualTo(Money.of("64.00", "USD"));
        assertThat(fleece.categoryPath()).containsExactly("Men", "Tops", "Jackets");
        assertThat(fleece.images()).containsExactly("/media/catalog/product/m/t/mt90-blue_main.jpg");
        assertThat(fleece.description()).isEqualTo("A light fleece for cool mornings on the trail.\n• Full zip.\n• Two hand pockets.");
        assertThat(fleece.attributes())
                .containsEntry("material", new AttributeValue.Text("Fleece"))
                .containsEntry("eco_collection", new AttributeValue.Flag(true))
                .containsEntry("performance_fabric", new AttributeValue.Flag(false))
                .containsEntry("size_options", new AttributeValue.Texts(List.of("L", "M", "S")))
                .containsEntry("collections", new AttributeValue.Texts(List.of("Eco Friendly")))
                .containsEntry("attribute_set", new AttributeValue.Text("Top"));
    }

    @Test
    void maps_loose_category_segments_and_collection_markers() throws IOException {
        assertThat(byId(sample, "24-UB09").categoryPath()).containsExactly("Gear", "Bags");
        Product watch = byId(sample, "24-UW07");
        assertThat(watch.categoryPath()).containsExactly("Gear", "Watches");
        assertThat(watch.attributes().get("collections")).isEqualTo(new AttributeValue.Texts(List.of("New Luma Yoga Collection")));
        assertThat(watch.price()).isEqualTo(Money.of("55.00", "USD"));
    }

    @Test
    void takes_the_currency_of_the_import() throws IOException {
        FeedResult eur = importer.read(sample, ImportOptions.defaults().withDefaultCurrency("EUR"));
        assertThat(eur.products()).extracting(p -> p.price().currency()).containsOnly("EUR");
    }

    @Test
    void imports_the_whole_luma_sample_catalogue_cleanly() throws IOException {
        FeedResult result = importer.read(dataset(), ImportOptions.defaults());

        assertThat(result.format()).as("detected by its sku field").isEqualTo(CatalogFormat.LUMA_JSONL);
        assertThat(result.errors()).isEmpty();
        assertThat(result.products()).hasSize(191);
        assertThat(result.products()).allSatisfy(p -> {
            assertThat(p.description()).isNotBlank();
            assertThat(p.categoryPath()).isNotEmpty();
            assertThat(p.inStock()).isTrue();
        });
    }

    @Test
    void maps_an_apparel_product_of_the_dataset() throws IOException {
        Product hoodie = byId(dataset(), "MH01");

        assertThat(hoodie.title()).isEqualTo("Chaz Kangeroo Hoodie");
        assertThat(hoodie.price()).isEqualTo(Money.of("52.00", "USD"));
        assertThat(hoodie.categoryPath()).containsExactly("Men", "Tops", "Hoodies & Sweatshirts");
        assertThat(hoodie.images()).containsExactly("/media/catalog/product/m/h/mh01-gray_main.jpg");
        assertThat(hoodie.description()).startsWith("Ideal for cold-weather training").contains("\n• Two-tone gray heather hoodie.");
        assertThat(hoodie.attributes())
                .containsEntry("material", new AttributeValue.Text("Wool"))
                .containsEntry("eco_collection", new AttributeValue.Flag(true))
                .containsEntry("size_options", new AttributeValue.Texts(List.of("L", "M", "S", "XL", "XS")))
                .containsEntry("collections", new AttributeValue.Texts(List.of("Eco Friendly")))
                .containsEntry("attribute_set", new AttributeValue.Text("Top"));
        assertThat(hoodie.stock()).isEqualTo(Map.of("online", 1));
    }

    @Test
    void maps_gear_of_the_dataset_whose_categories_come_as_loose_segments() throws IOException {
        Product backpack = byId(dataset(), "24-MB03");

        assertThat(backpack.categoryPath()).containsExactly("Gear", "Bags");
        Product watch = importer.read(dataset(), ImportOptions.defaults()).products().stream()
                .filter(p -> p.attributes().containsKey("collections") && p.categoryPath().equals(List.of("Gear", "Watches")))
                .findFirst().orElseThrow();
        assertThat(watch.attributes().get("collections")).isEqualTo(new AttributeValue.Texts(List.of("New Luma Yoga Collection")));
    }

    @Test
    void plain_text_has_the_same_characters_as_the_dataset_own_stripped_text() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(dataset())) {
            JsonNode n = mapper.readTree(line);
            String ours = HtmlText.toPlain(n.get("description_html").textValue());
            assertThat(words(ours)).as(n.get("sku").textValue()).isEqualTo(words(n.get("description_text").textValue()));
        }
    }

    // Whitespace is ignored: the dataset's stripper glues "<br />" neighbours together ("hood.• Fleece"), ours breaks the line.
    private static String words(String s) { return s.replaceAll("\\s+", ""); }

    private Product byId(Path file, String id) throws IOException {
        return importer.read(file, ImportOptions.defaults()).products().stream()
                .filter(p -> p.id().value().equals(id)).findFirst().orElseThrow();
    }
}
