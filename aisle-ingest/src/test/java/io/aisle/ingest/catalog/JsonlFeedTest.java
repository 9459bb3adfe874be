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

class JsonlFeedTest {
    private final CatalogImporter importer = CatalogImporter.standard();

    @Test
    void reads_wire_form_products_one_per_line_skipping_blank_lines() throws IOException {
        FeedResult result = importer.read(resource("catalog/products.jsonl"), ImportOptions.defaults());

        assertThat(result.format()).isEqualTo(CatalogFormat.JSONL);
        assertThat(result.errors()).isEmpty();
        assertThat(result.isClean()).isTrue();
        assertThat(result.rowsRead()).isEqualTo(3);
        assertThat(result.products()).extracting(p -> p.id().value()).containsExactly("TENT-2P", "MUG-ENAMEL", "MUG-ENAMEL-BLUE");
        Product tent = result.products().get(0);
        assertThat(tent.price()).isEqualTo(Money.of("249.00", "USD"));
        assertThat(tent.categoryPath()).containsExactly("Outdoor", "Camping", "Tents");
        assertThat(tent.attributes()).containsEntry("weight", new AttributeValue.Number(1.6, "kg"))
                .containsEntry("waterproof", new AttributeValue.Flag(true))
                .containsEntry("colours", new AttributeValue.Texts(List.of("Sage", "Sand")));
        assertThat(tent.stock()).isEqualTo(Map.of("store-1", 4, "web", 12));
        assertThat(result.products().get(2).parentId().value()).isEqualTo("MUG-ENAMEL");
    }

    @Test
    void reports_every_bad_line_with_its_number_field_and_reason() throws IOException {
        FeedResult result = importer.read(resource("catalog/products_errors.jsonl"), ImportOptions.defaults());

        assertThat(result.isClean()).isFalse();
        assertThat(result.rowsRead()).isEqualTo(7);
        assertThat(result.products()).extracting(p -> p.id().value()).containsExactly("OK-1");
        assertThat(result.errors()).extracting(RowError::line, RowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "record"),
                org.assertj.core.groups.Tuple.tuple(3L, "price"),
                org.assertj.core.groups.Tuple.tuple(4L, "colour"),
                org.assertj.core.groups.Tuple.tuple(4L, "title"),
                org.assertj.core.groups.Tuple.tuple(5L, "product"),
                org.assertj.core.groups.Tuple.tuple(6L, "id"),
                org.assertj.core.groups.Tuple.tuple(7L, "price"),
                org.assertj.core.groups.Tuple.tuple(7L, "stock.web"));
        assertThat(result.errors().get(0).reason()).startsWith("is not valid JSON");
        assertThat(result.errors().get(1).toString()).isEqualTo("line 3: price: must not be negative");
        assertThat(result.errors().get(2).reason()).isEqualTo("is not a known field");
        assertThat(result.errors().get(5).reason()).isEqualTo("'OK-1' appears twice in the feed (first on line 1)");
        assertThat(result.errorCount()).isEqualTo(result.errors().size());
    }

    @Test
    void reports_a_line_that_is_not_utf8_and_reads_on() throws IOException {
        byte[] bad = "{\"id\":\"A\",\"title\":\"caf\u00e9\",\"price\":\"1.00\",\"currency\":\"USD\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "{\"id\":\"B\",\"title\":\"ok\",\"price\":\"1.00\",\"currency\":\"USD\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, both, 0, bad.length);
        System.arraycopy(good, 0, both, bad.length, good.length);

        FeedResult result = importer.read(new ByteArrayInputStream(both), CatalogFormat.JSONL, ImportOptions.defaults());

        assertThat(result.errors()).containsExactly(new RowError(1, "record", "is not valid UTF-8"));
        assertThat(result.products()).extracting(p -> p.id().value()).containsExactly("B");
    }

    @Test
    void an_empty_feed_is_an_error_not_a_silent_no_op() throws IOException {
        FeedResult result = importer.read(new ByteArrayInputStream("\n\n".getBytes(StandardCharsets.UTF_8)), CatalogFormat.JSONL,
                ImportOptions.defaults());

        assertThat(result.errors()).containsExactly(new RowError(0, "file", "holds no products"));
    }
}
