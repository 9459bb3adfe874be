package io.aisle.ingest.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static io.aisle.ingest.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

class FormatDetectionTest {
    private static CatalogFormat detect(String name, String head) {
        return FormatDetector.detect(name, head.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tells_formats_by_extension_and_header() {
        assertThat(detect("feed.jsonl", "{\"id\":\"A\"}")).isEqualTo(CatalogFormat.JSONL);
        assertThat(detect("luma.jsonl", "{\"sku\": \"MH01\", \"name\": \"Hoodie\"}")).isEqualTo(CatalogFormat.LUMA_JSONL);
        assertThat(detect("feed.xml", "<rss/>")).isEqualTo(CatalogFormat.GMC_XML);
        assertThat(detect("feed.tsv", "id\ttitle")).isEqualTo(CatalogFormat.GMC_TSV);
        assertThat(detect("products.csv", "id,title,price")).isEqualTo(CatalogFormat.CSV);
        assertThat(detect("products_export.csv", "\uFEFFHandle,Title,Body (HTML),Vendor,Variant SKU")).isEqualTo(CatalogFormat.SHOPIFY_CSV);
    }

    @Test
    void falls_back_to_content_when_the_name_says_nothing() {
        assertThat(detect("feed.txt", "id\ttitle\tprice")).isEqualTo(CatalogFormat.GMC_TSV);
        assertThat(detect(null, "  <?xml version=\"1.0\"?><rss/>")).isEqualTo(CatalogFormat.GMC_XML);
        assertThat(detect(null, "\n{\"id\":\"A\"}")).isEqualTo(CatalogFormat.JSONL);
        assertThat(detect(null, "id,title,price")).isEqualTo(CatalogFormat.CSV);
        assertThat(detect(null, "hello")).isNull();
    }

    @Test
    void detects_each_fixture() throws IOException {
        CatalogImporter importer = CatalogImporter.standard();
        assertThat(importer.detect(resource("catalog/shopify.csv"))).contains(CatalogFormat.SHOPIFY_CSV);
        assertThat(importer.detect(resource("catalog/gmc_atom.xml"))).contains(CatalogFormat.GMC_XML);
        assertThat(importer.detect(resource("catalog/products.csv"))).contains(CatalogFormat.CSV);
    }

    @Test
    void format_names_parse_as_the_cli_writes_them() {
        assertThat(CatalogFormat.fromName("gmc-xml")).contains(CatalogFormat.GMC_XML);
        assertThat(CatalogFormat.fromName("SHOPIFY_CSV")).contains(CatalogFormat.SHOPIFY_CSV);
        assertThat(CatalogFormat.fromName("excel")).isEmpty();
    }
}
