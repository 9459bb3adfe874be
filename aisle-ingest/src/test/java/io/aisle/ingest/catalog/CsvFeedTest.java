package io.aisle.ingest.catalog;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.ingest.RowError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.aisle.ingest.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class CsvFeedTest {
    private final CatalogImporter importer = CatalogImporter.standard();

    private FeedResult read(String csv) throws IOException {
        return importer.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), CatalogFormat.CSV, ImportOptions.defaults());
    }

    @Test
    void maps_columns_to_products_with_typed_attributes() throws IOException {
        FeedResult result = importer.read(resource("catalog/products.csv"), ImportOptions.defaults());

        assertThat(result.format()).isEqualTo(CatalogFormat.CSV);
        assertThat(result.errors()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(3);
        Product laptop = result.products().get(0);
        assertThat(laptop.title()).isEqualTo("Aero 14\" Laptop");
        assertThat(laptop.description()).isEqualTo("Light 14-inch laptop.\nTwo lines of copy, with a comma.");
        assertThat(laptop.categoryPath()).containsExactly("Electronics", "Computers", "Laptops");
        assertThat(laptop.images()).containsExactly("https://cdn.example.com/aero14/1.jpg", "https://cdn.example.com/aero14/2.jpg");
        assertThat(laptop.stock()).isEqualTo(Map.of("store-1", 5, "web", 10));
        assertThat(laptop.attributes()).isEqualTo(Map.of(
                "color", new AttributeValue.Text("Silver"),
                "memory_gb", new AttributeValue.Number(16, null),
                "waterproof", new AttributeValue.Flag(false),
                "model", new AttributeValue.Text("0042")));
        Product jacket = result.products().get(1);
        assertThat(jacket.price()).as("no currency cell: the import's default").isEqualTo(Money.of("129.50", "USD"));
        assertThat(jacket.stock()).as("a plain count is the default location").isEqualTo(Map.of("default", 7));
        assertThat(jacket.attributes()).containsEntry("sizes", new AttributeValue.Texts(List.of("S", "M", "L")));
        Product variant = result.products().get(2);
        assertThat(variant.parentId().value()).isEqualTo("JACKET");
        assertThat(variant.price()).isEqualTo(Money.of("129.50", "EUR"));
    }

    @Test
    void names_line_and_column_for_every_problem_including_unknown_columns() throws IOException {
        FeedResult result = importer.read(resource("catalog/products_errors.csv"), ImportOptions.defaults());

        assertThat(result.products()).extracting(p -> p.id().value()).containsExactly("A-1");
        assertThat(result.errors()).containsExactly(
                new RowError(1, "colour", "is not a known column (known: id, parent_id, title, description, brand, "
                        + "category_path, price, currency, images, url, stock; attributes go in attr.<name> columns)"),
                new RowError(3, "title", "is required"),
                new RowError(4, "price", "must be a number, got 'twelve'"),
                new RowError(5, "stock", "entry 'web' must be location:units, e.g. store-1:5"),
                new RowError(6, "currency", "must be a three-letter upper-case ISO 4217 code"),
                new RowError(7, "record", "has 8 cells but the header has 7 columns"),
                new RowError(8, "id", "must not contain '/', '?' or '#'"),
                new RowError(8, "stock.store-1", "must be a whole number of units, 0 or more"));
    }

    @Test
    void attribute_errors_name_the_attr_column() throws IOException {
        String longName = "x".repeat(70);
        FeedResult result = read("id,title,price,attr." + longName + "\nA,T,1.00,v\n");

        assertThat(result.errors()).containsExactly(new RowError(2, "attr." + longName, "attribute names must be 1 to 64 characters"));
    }

    @Test
    void a_missing_required_column_is_reported_once_not_on_every_row() throws IOException {
        FeedResult result = read("id,title\nA,T\nB,U\n");

        assertThat(result.errors()).containsExactly(new RowError(1, "price", "column is missing; the header needs id, title and price"));
        assertThat(result.rowsRead()).isZero();
    }

    @Test
    void an_unclosed_quote_stops_reading_at_the_record_that_opened_it() throws IOException {
        FeedResult result = read("id,title,price\nA,T,1.00\nB,\"never closed,2.00\nC,T,3.00\n");

        assertThat(result.products()).extracting(p -> p.id().value()).containsExactly("A");
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).line()).isEqualTo(3);
        assertThat(result.errors().get(0).reason()).startsWith("is not valid CSV");
    }

    @Test
    void a_byte_order_mark_does_not_hide_the_first_column() throws IOException {
        FeedResult result = read("\uFEFFid,title,price\nA,T,1.00\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.products()).hasSize(1);
    }

    @Test
    void repeated_columns_and_repeated_stock_locations_are_refused() throws IOException {
        FeedResult result = read("id,title,price,Title,stock\nA,T,1.00,U,web:1|web:2\n");

        assertThat(result.errors()).containsExactly(
                new RowError(1, "Title", "appears twice in the header"),
                new RowError(2, "stock", "location 'web' appears twice"));
    }

    @Test
    void counts_physical_lines_so_a_record_after_a_multi_line_cell_is_found_where_an_editor_shows_it() throws IOException {
        FeedResult result = read("id,title,description,price\nA,T,\"one\ntwo\nthree\",1.00\n\nB,T,,-2\n");

        assertThat(result.errors()).containsExactly(new RowError(6, "price", "must not be negative"));
    }
}
