package io.aisle.ingest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.json.Json;
import io.aisle.core.json.ProductJson;
import io.aisle.ingest.JsonTrees;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalogue feeds never make the importer throw: whatever the bytes and whatever the format, every record ends as
 * a product or as errors with a line and a field. Valid products survive encode, write, import unchanged.
 */
class CatalogValidationProperties {
    private static final List<String> FIELDS = List.of("id", "parent_id", "title", "description", "brand",
            "category_path", "attributes", "price", "currency", "stock", "images", "url", "value", "unit", "default", "web");
    private static final List<String> CSV_COLUMNS = List.of("id", "parent_id", "title", "description", "brand",
            "category_path", "price", "currency", "images", "url", "stock", "attr.color", "attr.size");
    private static final List<String> GMC_COLUMNS = List.of("id", "title", "description", "link", "image_link",
            "additional_image_link", "price", "sale_price", "availability", "brand", "item_group_id", "product_type",
            "google_product_category", "shipping_weight", "adult", "multipack", "color");
    private static final List<String> SHOPIFY_COLUMNS = List.of("Handle", "Title", "Body (HTML)", "Vendor",
            "Product Category", "Type", "Tags", "Published", "Option1 Name", "Option1 Value", "Option2 Name",
            "Option2 Value", "Variant SKU", "Variant Grams", "Variant Inventory Tracker", "Variant Inventory Qty",
            "Variant Price", "Variant Compare At Price", "Variant Barcode", "Image Src", "Image Position",
            "Variant Image", "Cost per item", "Status", "Gift Card");

    private final ObjectMapper mapper = Json.mapper();
    private final ProductJson codec = new ProductJson(mapper);
    private final CatalogImporter importer = new CatalogImporter(codec, mapper);

    private FeedResult read(byte[] bytes, CatalogFormat format) throws IOException {
        FeedResult r = importer.read(new ByteArrayInputStream(bytes), format, ImportOptions.defaults().withMaxErrors(10_000));
        assertThat(r.errorCount()).isEqualTo(r.errors().size());
        assertThat(r.format()).isEqualTo(format);
        return r;
    }

    private FeedResult read(String text, CatalogFormat format) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), format);
    }

    private static void wellFormed(FeedResult r, String text) {
        long lines = text.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
        assertThat(r.errors()).allSatisfy(e -> {
            assertThat(e.line()).isBetween(0L, lines + 1);
            assertThat(e.field()).isNotBlank();
            assertThat(e.reason()).isNotBlank();
        });
    }

    // ---- valid products round-trip ----

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void valid_products_round_trip_through_jsonl(@ForAll("products") List<Product> products) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Product p : products) sb.append(mapper.writeValueAsString(codec.encode(p))).append('\n');

        FeedResult r = read(sb.toString(), CatalogFormat.JSONL);

        assertThat(r.errors()).isEmpty();
        assertThat(r.products()).isEqualTo(products);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void valid_products_round_trip_through_csv(@ForAll("csvProducts") List<Product> products) throws IOException {
        FeedResult r = read(toCsv(products), CatalogFormat.CSV);

        assertThat(r.errors()).isEmpty();
        assertThat(r.products()).isEqualTo(products);
    }

    // ---- malformed input is reported, never thrown ----

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void random_json_trees_are_imported_or_reported(@ForAll("trees") JsonNode tree) throws IOException {
        String line = mapper.writeValueAsString(tree);
        for (CatalogFormat format : List.of(CatalogFormat.JSONL, CatalogFormat.LUMA_JSONL)) {
            FeedResult r = read(line + "\n", format);
            assertThat(r.products().size() + (r.errors().isEmpty() ? 0 : 1)).isEqualTo(1);
            wellFormed(r, line);
        }
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void mutated_valid_products_are_imported_or_reported(@ForAll("products") List<Product> products,
                                                         @ForAll("mutations") List<Mutation> mutations) throws IOException {
        ObjectNode node = codec.encode(products.get(0));
        mutations.forEach(m -> m.apply(node));
        String line = mapper.writeValueAsString(node);

        FeedResult r = read(line + "\n", CatalogFormat.JSONL);

        assertThat(r.products().size() + (r.errors().isEmpty() ? 0 : 1)).isEqualTo(1);
        wellFormed(r, line);
    }

    @Property(tries = 200)
    void random_text_never_breaks_any_format(@ForAll("noise") String text) throws IOException {
        for (CatalogFormat format : CatalogFormat.values()) wellFormed(read(text, format), text);
    }

    @Property(tries = 100)
    void random_bytes_never_break_any_format(@ForAll byte[] bytes) throws IOException {
        for (CatalogFormat format : CatalogFormat.values()) read(bytes, format);
    }

    @Property(tries = 200)
    void random_rows_under_each_csv_header_are_imported_or_reported(@ForAll("rows") List<List<String>> rows) throws IOException {
        for (var header : List.of(Map.entry(CatalogFormat.CSV, CSV_COLUMNS), Map.entry(CatalogFormat.SHOPIFY_CSV, SHOPIFY_COLUMNS))) {
            String csv = delimited(header.getValue(), rows, CSVFormat.RFC4180);
            FeedResult r = read(csv, header.getKey());
            assertThat(r.rowsRead()).isLessThanOrEqualTo(rows.size());
            wellFormed(r, csv);
        }
        String tsv = rows.stream().map(row -> row.stream().map(c -> c.replaceAll("[\t\r\n]", " ")).collect(Collectors.joining("\t")))
                .collect(Collectors.joining("\n", String.join("\t", GMC_COLUMNS) + "\n", "\n"));
        FeedResult r = read(tsv, CatalogFormat.GMC_TSV);
        assertThat(r.rowsRead()).isLessThanOrEqualTo(rows.size());
        wellFormed(r, tsv);
    }

    @Property(tries = 200)
    void random_merchant_center_xml_items_are_imported_or_reported(@ForAll("xmlItems") List<List<Map.Entry<String, String>>> items)
            throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n");
        for (List<Map.Entry<String, String>> item : items) {
            xml.append("<item>\n");
            for (Map.Entry<String, String> field : item) {
                xml.append("<g:").append(field.getKey()).append('>').append(field.getValue()).append("</g:").append(field.getKey()).append(">\n");
            }
            xml.append("</item>\n");
        }
        xml.append("</channel></rss>\n");

        FeedResult r = read(xml.toString(), CatalogFormat.GMC_XML);

        assertThat(r.rowsRead()).isLessThanOrEqualTo(items.size());
        wellFormed(r, xml.toString());
    }

    // ---- generators ----

    static Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().withChars("-_.:").ofMinLength(1).ofMaxLength(24)
                .filter(s -> Character.isLetterOrDigit(s.charAt(0)) && Character.isLetterOrDigit(s.charAt(s.length() - 1)));
    }

    /** Printable text without edge whitespace (feeds strip cells) and without the CSV list separators. */
    static Arbitrary<String> words(int max) {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("éß€中\"\n").ofMinLength(1).ofMaxLength(max)
                .map(String::strip).filter(s -> !s.isEmpty() && s.indexOf('|') < 0 && s.indexOf('>') < 0);
    }

    static Arbitrary<Money> prices() {
        return Arbitraries.of("USD", "EUR", "JPY", "KWD", "GBP").flatMap(currency -> {
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            return Arbitraries.longs().between(0, 10_000_000_000L).map(units -> new Money(BigDecimal.valueOf(units, digits), currency));
        });
    }

    /** Attribute values; with {@code csv} true only those a CSV cell gives back with the same type. */
    static Arbitrary<AttributeValue> attributeValues(boolean csv) {
        Arbitrary<AttributeValue> numbers = Arbitraries.bigDecimals().between(new BigDecimal("-1e9"), new BigDecimal("1e9")).ofScale(3)
                .map(d -> new AttributeValue.Number(d.doubleValue(), null));
        Arbitrary<AttributeValue> texts = words(40)
                .filter(s -> !csv || !Cells.isPlainNumber(s) && !s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false"))
                .map(AttributeValue.Text::new);
        Arbitrary<AttributeValue> flags = Arbitraries.of(true, false).map(AttributeValue.Flag::new);
        Arbitrary<AttributeValue> lists = words(20).list().ofMinSize(csv ? 2 : 0).ofMaxSize(4).map(AttributeValue.Texts::new);
        if (csv) return Arbitraries.oneOf(numbers, texts, flags, lists);
        Arbitrary<AttributeValue> units = Combinators.combine(Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of("GB", "kg", "in", "W", "mAh")).as(AttributeValue.Number::new);
        return Arbitraries.oneOf(numbers, texts, flags, lists, units, JsonTrees.interestingStrings().filter(t -> t.length() <= 2000 && JsonTrees.encodable(t)).map(AttributeValue.Text::new));
    }

    @Provide Arbitrary<List<Product>> products() { return products(false); }

    @Provide Arbitrary<List<Product>> csvProducts() { return products(true); }

    /** Products the codec accepts, with distinct ids. */
    static Arbitrary<List<Product>> products(boolean csv) {
        Arbitrary<String> names = Arbitraries.strings().alpha().numeric().withChars("_ -").ofMinLength(1).ofMaxLength(30)
                .map(String::strip).filter(s -> !s.isEmpty());
        Arbitrary<Map<String, AttributeValue>> attributes = Arbitraries.maps(names, attributeValues(csv)).ofMaxSize(5);
        Arbitrary<Map<String, Integer>> stock = Arbitraries.maps(ids(), Arbitraries.integers().between(0, 1_000_000)).ofMaxSize(3);
        Arbitrary<String> links = ids().map(id -> "https://cdn.example.com/" + id + ".jpg");
        Arbitrary<String> descriptions = csv ? words(300).injectNull(0.3) : Arbitraries.strings().ofMaxLength(300).filter(JsonTrees::encodable).injectNull(0.3);
        Arbitrary<Product> product = Combinators.combine(ids(), ids().injectNull(0.6), words(100), descriptions,
                        words(30).injectNull(0.3), words(30).list().ofMaxSize(4), attributes,
                        Combinators.combine(prices(), stock, links.list().ofMaxSize(3), links.injectNull(0.4)).as(Tail::new))
                .as((id, parent, title, description, brand, path, attrs, t) -> new Product(ProductId.of(id),
                        parent == null || parent.equals(id) ? null : ProductId.of(parent), title, description, brand, path, attrs,
                        t.price(), t.stock(), t.images(), t.url()));
        return product.list().ofMinSize(1).ofMaxSize(4).uniqueElements(p -> p.id());
    }

    private record Tail(Money price, Map<String, Integer> stock, List<String> images, String url) {}

    @Provide Arbitrary<JsonNode> trees() { return JsonTrees.trees(3, FIELDS); }

    /** One change to a product's wire form: drop a field or set one, at the top or inside attributes or stock. */
    record Mutation(String where, String field, JsonNode value) {
        void apply(ObjectNode node) {
            ObjectNode target = node;
            if (!where.equals("top") && node.get(where) instanceof ObjectNode o) target = o;
            if (value == null) target.remove(field);
            else target.set(field, value);
        }
    }

    @Provide Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.of("top", "top", "attributes", "stock"), Arbitraries.of(FIELDS),
                        JsonTrees.trees(1, FIELDS).injectNull(0.3))
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide Arbitrary<String> noise() { return JsonTrees.noisyText(); }

    @Provide Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                JsonTrees.interestingStrings(),
                Arbitraries.of("", "", "", "", "a|b", "store-1:5|web:x", "5", "-5", "12.99 USD", "USD", "in_stock", "maybe",
                        "<p>x &amp; y</p>", "Title", "Default Title", "shopify", "1.5 kg", "yes", "A > B", "TRUE", "same-handle"));
        return cell.list().ofMinSize(10).ofMaxSize(26).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide Arbitrary<List<List<Map.Entry<String, String>>>> xmlItems() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(GMC_COLUMNS), Arbitraries.of("shipping", "x", "Title", "a-b"));
        Arbitrary<String> values = Arbitraries.oneOf(
                JsonTrees.interestingStrings().map(CatalogValidationProperties::escape),
                Arbitraries.of("<g:country>US</g:country><g:price>4.95 USD</g:price>", "<![CDATA[<b>x</b>]]>", "&amp;", "&unknown;",
                        "<broken>", "12.99 USD", "in_stock", "&#0;", "<!-- c -->"));
        return Combinators.combine(names, values).as(Map::entry).list().ofMaxSize(8).list().ofMinSize(1).ofMaxSize(4);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // ---- writers ----

    private static String delimited(List<String> header, List<List<String>> rows, CSVFormat format) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(header);
            for (List<String> row : rows) printer.printRecord(row);
        }
        return out.toString();
    }

    /** Products as Aisle CSV, one attr.* column per attribute name used. */
    private static String toCsv(List<Product> products) throws IOException {
        List<String> attributeNames = products.stream().flatMap(p -> p.attributes().keySet().stream()).distinct().toList();
        List<String> header = new ArrayList<>(List.of("id", "parent_id", "title", "description", "brand", "category_path",
                "price", "currency", "images", "url", "stock"));
        attributeNames.forEach(n -> header.add("attr." + n));
        List<List<String>> rows = new ArrayList<>();
        for (Product p : products) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("id", p.id().value());
            cells.put("parent_id", p.parentId() == null ? "" : p.parentId().value());
            cells.put("title", p.title());
            cells.put("description", p.description());
            cells.put("brand", p.brand() == null ? "" : p.brand());
            cells.put("category_path", String.join(" > ", p.categoryPath()));
            cells.put("price", p.price().amount().toPlainString());
            cells.put("currency", p.price().currency());
            cells.put("images", String.join("|", p.images()));
            cells.put("url", p.url() == null ? "" : p.url());
            cells.put("stock", p.stock().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining("|")));
            List<String> row = new ArrayList<>(cells.values());
            for (String name : attributeNames) row.add(cell(p.attributes().get(name)));
            rows.add(row);
        }
        return delimited(header, rows, CSVFormat.RFC4180);
    }

    private static String cell(AttributeValue v) {
        if (v == null) return "";
        return switch (v) {
            case AttributeValue.Text t -> t.value();
            case AttributeValue.Number n -> BigDecimal.valueOf(n.value()).toPlainString();
            case AttributeValue.Flag f -> String.valueOf(f.value()).toLowerCase(Locale.ROOT);
            case AttributeValue.Texts ts -> String.join("|", ts.values());
        };
    }
}
