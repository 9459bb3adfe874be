package io.aisle.ingest.catalog;

import io.aisle.core.catalog.Product;
import io.aisle.ingest.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkedReadTest {
    private final CatalogImporter importer = CatalogImporter.standard();

    private static Path jsonl(Path dir, int products, int badEvery) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= products; i++) {
            String price = badEvery > 0 && i % badEvery == 0 ? "\"-1\"" : "\"" + i + ".00\"";
            sb.append("{\"id\":\"P-").append(i).append("\",\"title\":\"Product ").append(i)
                    .append("\",\"price\":").append(price).append(",\"currency\":\"USD\"}\n");
        }
        Path file = dir.resolve("feed.jsonl");
        Files.writeString(file, sb);
        return file;
    }

    @Test
    void hands_on_products_in_chunks_of_the_requested_size_in_file_order(@TempDir Path dir) throws IOException {
        Path file = jsonl(dir, 2_500, 0);
        List<List<Product>> chunks = new ArrayList<>();

        FeedSummary summary = importer.read(file, ImportOptions.defaults(), chunks::add, 1_000);

        assertThat(chunks).extracting(List::size).containsExactly(1_000, 1_000, 500);
        assertThat(chunks.get(2).get(499).id().value()).isEqualTo("P-2500");
        assertThat(summary.productsRead()).isEqualTo(2_500);
        assertThat(summary.rowsRead()).isEqualTo(2_500);
        assertThat(summary.isClean()).isTrue();
    }

    @Test
    void keeps_the_first_errors_but_counts_them_all(@TempDir Path dir) throws IOException {
        Path file = jsonl(dir, 1_000, 10);

        FeedResult result = importer.read(file, ImportOptions.defaults().withMaxErrors(5));

        assertThat(result.errors()).hasSize(5);
        assertThat(result.errorCount()).isEqualTo(100);
        assertThat(result.errors().get(0)).isEqualTo(new RowError(10, "price", "must not be negative"));
        assertThat(result.products()).hasSize(900);
    }

    @Test
    void refuses_a_feed_longer_than_the_row_cap_at_the_first_row_past_it(@TempDir Path dir) throws IOException {
        Path file = jsonl(dir, 20, 0);

        FeedResult result = importer.read(file, ImportOptions.defaults().withMaxRows(15));

        assertThat(result.rowsRead()).isEqualTo(15);
        assertThat(result.errors()).containsExactly(
                new RowError(16, "record", "the feed has more than 15 records; split it or raise the row limit"));
    }

    @Test
    void skips_an_overlong_line_without_holding_it(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("long.jsonl");
        Files.writeString(file, "{\"id\":\"A\",\"title\":\"" + "x".repeat(FeedReader.MAX_RECORD + 10) + "\"}\n"
                + "{\"id\":\"B\",\"title\":\"ok\",\"price\":\"1.00\",\"currency\":\"USD\"}\n");

        FeedResult result = importer.read(file, ImportOptions.defaults());

        assertThat(result.errors()).containsExactly(new RowError(1, "record", "is longer than 1048576 bytes"));
        assertThat(result.products()).extracting(p -> p.id().value()).containsExactly("B");
    }

    @Test
    void options_fail_fast_naming_the_bad_value() {
        assertThatThrownBy(() -> ImportOptions.defaults().withDefaultCurrency("usd"))
                .hasMessageContaining("defaultCurrency").hasMessageContaining("'usd'");
        assertThatThrownBy(() -> ImportOptions.defaults().withMaxErrors(0)).hasMessageContaining("maxErrors");
        assertThatThrownBy(() -> importer.read(Path.of("x.jsonl"), ImportOptions.defaults(), c -> { }, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chunkSize");
    }

    @Test
    void a_file_whose_format_cannot_be_told_is_one_error(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes");
        Files.writeString(file, "just some words\n");

        FeedResult result = importer.read(file, ImportOptions.defaults());

        assertThat(result.format()).isNull();
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).line()).isZero();
        assertThat(result.errors().get(0).reason()).contains("jsonl, csv, gmc-tsv, gmc-xml, shopify, luma");
    }
}
