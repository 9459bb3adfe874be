package io.aisle.ingest.catalog;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.ingest.RowError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static io.aisle.ingest.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class GmcFeedTest {
    private final CatalogImporter importer = CatalogImporter.standard();

    @Test
    void reads_a_tab_separated_merchant_center_feed() throws IOException {
        FeedResult result = importer.read(resource("catalog/gmc.tsv"), ImportOptions.defaults());

        assertThat(result.format()).isEqualTo(CatalogFormat.GMC_TSV);
        assertThat(result.errors()).isEmpty();
        Product tee = result.products().get(0);
        assertThat(tee.id().value()).isEqualTo("TS-RED-M");
        assertThat(tee.parentId().value()).as("item_group_id").isEqualTo("TS");
        assertThat(tee.description()).as("HTML in the description is made plain").isEqualTo("Soft organic cotton tee & relaxed fit.");
        assertThat(tee.url()).isEqualTo("https://shop.example.com/tee?variant=red-m");
        assertThat(tee.images()).containsExactly("https://cdn.example.com/tee/red.jpg",
                "https://cdn.example.com/tee/red-back.jpg", "https://cdn.example.com/tee/red-detail.jpg");
        assertThat(tee.price()).as("the standing price, not the sale").isEqualTo(Money.of("19.99", "USD"));
        assertThat(tee.categoryPath()).as("product_type wins").containsExactly("Clothing", "Tops", "T-Shirts");
        assertThat(tee.stock()).isEqualTo(Map.of("online", 1));
        assertThat(tee.attributes())
                .containsEntry("sale_price", new AttributeValue.Number(14.99, "USD"))
                .containsEntry("availability", new AttributeValue.Text("in_stock"))
                .containsEntry("gtin", new AttributeValue.Text("00012345678905"))
                .containsEntry("color", new AttributeValue.Text("Red"))
                .containsEntry("shipping_weight", new AttributeValue.Number(0.2, "kg"))
                .containsEntry("adult", new AttributeValue.Flag(false))
                .containsEntry("google_product_category", new AttributeValue.Text("Apparel & Accessories > Clothing > Shirts & Tops"));
        Product large = result.products().get(1);
        assertThat(large.stock()).as("out of stock, written with a space").isEqualTo(Map.of("online", 0));
        assertThat(large.categoryPath()).as("a numeric google_product_category is no path").isEmpty();
        Product gift = result.products().get(2);
        assertThat(gift.parentId()).isNull();
        assertThat(gift.price()).isEqualTo(Money.of("25", "EUR"));
    }

    @Test
    void reports_gmc_problems_under_gmc_attribute_names() throws IOException {
        FeedResult result = importer.read(resource("catalog/gmc_errors.tsv"), ImportOptions.defaults());

        assertThat(result.products()).extracting(p -> p.id().value()).containsExactly("B-1");
        assertThat(result.products().get(0).images()).as("'image link' header is forgiven").hasSize(1);
        assertThat(result.errors()).containsExactly(
                new RowError(3, "price", "must be a number, got '5,00'"),
                new RowError(4, "price", "must be an amount and a currency, e.g. '12.99 USD' (got '5.00 US dollars')"),
                new RowError(5, "availability", "must be one of in_stock, out_of_stock, preorder, backorder (got 'maybe')"),
                new RowError(6, "id", "is required"));
    }

    @Test
    void reads_an_rss_feed_in_the_g_namespace() throws IOException {
        FeedResult result = importer.read(resource("catalog/gmc.xml"), ImportOptions.defaults());

        assertThat(result.format()).isEqualTo(CatalogFormat.GMC_XML);
        assertThat(result.errors()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(2);
        Product tent = result.products().get(0);
        assertThat(tent.title()).isEqualTo("Ridgeline 2-Person Tent");
        assertThat(tent.description()).isEqualTo("Freestanding tent.\nTwo doors & two vestibules.");
        assertThat(tent.images()).hasSize(3);
        assertThat(tent.categoryPath()).containsExactly("Outdoor", "Camping", "Tents");
        assertThat(tent.attributes())
                .containsEntry("shipping", new AttributeValue.Text("US:Standard:4.95 USD"))
                .containsEntry("identifier_exists", new AttributeValue.Flag(false))
                .containsEntry("shipping_weight", new AttributeValue.Number(1.9, "kg"));
        Product stove = result.products().get(1);
        assertThat(stove.title()).as("g:title wins over the plain RSS title").isEqualTo("Titan Camp Stove");
        assertThat(stove.url()).isEqualTo("https://shop.example.com/p/stove");
        assertThat(stove.categoryPath()).containsExactly("Sporting Goods", "Outdoor Recreation", "Camping & Hiking");
        assertThat(stove.stock()).isEqualTo(Map.of("online", 0));
    }

    @Test
    void reads_an_atom_feed() throws IOException {
        FeedResult result = importer.read(resource("catalog/gmc_atom.xml"), ImportOptions.defaults());

        assertThat(result.errors()).isEmpty();
        Product lamp = result.products().get(0);
        assertThat(lamp.url()).as("Atom links carry the address in href").isEqualTo("https://shop.example.com/p/lamp-01");
        assertThat(lamp.description()).isEqualTo("Adjustable brass desk lamp.");
        assertThat(lamp.price()).isEqualTo(Money.of("89.00", "GBP"));
        assertThat(lamp.stock()).isEqualTo(Map.of("online", 1));
    }

    @Test
    void broken_xml_keeps_the_items_before_it_and_names_the_line() throws IOException {
        FeedResult result = importer.read(resource("catalog/gmc_broken.xml"), ImportOptions.defaults());

        assertThat(result.products()).extracting(p -> p.id().value()).containsExactly("OK-1");
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).line()).isEqualTo(11);
        assertThat(result.errors().get(0).reason()).startsWith("is not well-formed XML");
    }

    @Test
    void refuses_external_entities() throws IOException {
        FeedResult result = importer.read(resource("catalog/gmc_xxe.xml"), ImportOptions.defaults());

        assertThat(result.products()).isEmpty();
        assertThat(result.errors()).isNotEmpty();
        assertThat(result.errors()).noneMatch(e -> e.reason().contains("root:"));
    }

    @Test
    void splits_amount_and_currency_either_way_round() {
        assertThat(GmcFields.amountAndCurrency("12.99 usd")).containsExactly("12.99", "USD");
        assertThat(GmcFields.amountAndCurrency("EUR 3")).containsExactly("3", "EUR");
        assertThat(GmcFields.amountAndCurrency("3")).containsExactly("3", null);
        assertThat(GmcFields.amountAndCurrency("3 4 5")).isNull();
    }
}
