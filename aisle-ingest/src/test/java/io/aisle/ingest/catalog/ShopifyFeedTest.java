package io.aisle.ingest.catalog;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.ingest.RowError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.aisle.ingest.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class ShopifyFeedTest {
    private final CatalogImporter importer = CatalogImporter.standard();

    @Test
    void groups_rows_by_handle_into_a_parent_and_its_variants() throws IOException {
        FeedResult result = importer.read(resource("catalog/shopify.csv"), ImportOptions.defaults().withDefaultCurrency("EUR"));

        assertThat(result.format()).isEqualTo(CatalogFormat.SHOPIFY_CSV);
        assertThat(result.errors()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(5);
        assertThat(result.products()).extracting(p -> p.id().value())
                .containsExactly("merino-crew-sock", "SOCK-CHA-M", "SOCK-CHA-L", "merino-crew-sock-moss-m", "canvas-tote");

        Product parent = result.products().get(0);
        assertThat(parent.parentId()).isNull();
        assertThat(parent.title()).isEqualTo("Merino Crew Sock");
        assertThat(parent.description()).isEqualTo("Cushioned merino sock for hiking & everyday wear.\n64% merino wool\nMade in Portugal");
        assertThat(parent.brand()).isEqualTo("Loomwell");
        assertThat(parent.categoryPath()).containsExactly("Apparel & Accessories", "Clothing", "Underwear & Socks", "Socks");
        assertThat(parent.price()).as("the lowest variant price").isEqualTo(Money.of("16.00", "EUR"));
        assertThat(parent.stock()).as("stock lives on variants").isEmpty();
        assertThat(parent.images()).as("in Image Position order").containsExactly(
                "https://cdn.shopify.com/s/files/1/sock-main.jpg",
                "https://cdn.shopify.com/s/files/1/sock-side.jpg",
                "https://cdn.shopify.com/s/files/1/sock-detail.jpg");
        assertThat(parent.url()).isEqualTo("/products/merino-crew-sock");
        assertThat(parent.attributes())
                .containsEntry("color", new AttributeValue.Texts(List.of("Charcoal", "Moss")))
                .containsEntry("size", new AttributeValue.Texts(List.of("M", "L")))
                .containsEntry("tags", new AttributeValue.Texts(List.of("hiking", "merino", "wool")))
                .containsEntry("product_type", new AttributeValue.Text("Socks"))
                .containsEntry("published", new AttributeValue.Flag(true))
                .containsEntry("status", new AttributeValue.Text("active"));

        Product charcoalM = result.products().get(1);
        assertThat(charcoalM.parentId().value()).isEqualTo("merino-crew-sock");
        assertThat(charcoalM.title()).isEqualTo("Merino Crew Sock - Charcoal / M");
        assertThat(charcoalM.price()).isEqualTo(Money.of("18.00", "EUR"));
        assertThat(charcoalM.stock()).isEqualTo(Map.of("default", 14));
        assertThat(charcoalM.images().get(0)).as("the variant image first").isEqualTo("https://cdn.shopify.com/s/files/1/sock-charcoal.jpg");
        assertThat(charcoalM.attributes())
                .containsEntry("color", new AttributeValue.Text("Charcoal"))
                .containsEntry("size", new AttributeValue.Text("M"))
                .containsEntry("barcode", new AttributeValue.Text("5601234567890"))
                .containsEntry("weight", new AttributeValue.Number(85, "g"))
                .containsEntry("compare_at_price", new AttributeValue.Number(22, "EUR"))
                .containsEntry("cost", new AttributeValue.Number(6.5, "EUR"));
        assertThat(result.products().get(2).stock()).as("oversold is none on hand").isEqualTo(Map.of("default", 0));
        assertThat(result.products().get(3).title()).isEqualTo("Merino Crew Sock - Moss / M");

        Product tote = result.products().get(4);
        assertThat(tote.parentId()).as("a Default Title product has no variants").isNull();
        assertThat(tote.price()).isEqualTo(Money.of("24.00", "EUR"));
        assertThat(tote.categoryPath()).as("Type when there is no Product Category").containsExactly("Bags");
        assertThat(tote.stock()).as("untracked inventory: available, count unknown").isEqualTo(Map.of("online", 1));
        assertThat(tote.attributes()).containsEntry("sku", new AttributeValue.Text("TOTE-01"))
                .containsEntry("status", new AttributeValue.Text("draft"));
    }

    @Test
    void names_shopify_columns_in_errors() throws IOException {
        FeedResult result = importer.read(resource("catalog/shopify_errors.csv"), ImportOptions.defaults());

        assertThat(result.products()).extracting(p -> p.id().value()).containsExactly("good", "bad-variants");
        assertThat(result.errors()).containsExactly(
                new RowError(3, "Handle", "is required on every row"),
                new RowError(4, "Variant Price", "must be a number, got 'abc'"),
                new RowError(5, "Variant SKU", "must not contain '/', '?' or '#'"),
                new RowError(5, "Variant Inventory Qty", "must be a whole number of units, 0 or more"),
                new RowError(6, "id", "'good' appears twice in the feed (first on line 2)"));
    }
}
