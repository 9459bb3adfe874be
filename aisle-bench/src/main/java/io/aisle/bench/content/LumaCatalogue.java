package io.aisle.bench.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.content.facts.Review;
import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Magento Luma sample catalogue ({@code luma_products_flat.jsonl}, 191 products with human-written copy) read
 * in place, with its reviews ({@code raw/ReviewSampleData__products_reviews.csv}) where present. Keeps each raw
 * record beside the product, for checks that must not go through Aisle's own model of the data.
 */
public record LumaCatalogue(List<Entry> entries, Map<ProductId, List<Review>> reviews) {
    public static final String FILE = "luma_products_flat.jsonl";
    static final String REVIEWS = "raw/ReviewSampleData__products_reviews.csv";

    /** One product: the raw record, the product as Aisle models it, and the human description. */
    public record Entry(JsonNode raw, Product product, String humanText) {}

    public static LumaCatalogue read(Path dir) {
        Path file = Files.isDirectory(dir) ? dir.resolve(FILE) : dir;
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no " + FILE + " at " + dir);
        ObjectMapper mapper = new ObjectMapper();
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                JsonNode raw = mapper.readTree(line);
                entries.add(new Entry(raw, product(raw), raw.path("description_text").asText("")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Path reviewFile = (Files.isDirectory(dir) ? dir : dir.getParent()).resolve(REVIEWS);
        return new LumaCatalogue(entries, Files.isRegularFile(reviewFile) ? reviews(reviewFile) : Map.of());
    }

    public List<Product> products() { return entries.stream().map(Entry::product).toList(); }

    static Product product(JsonNode raw) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        raw.path("attributes").properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isArray()) {
                List<String> values = new ArrayList<>();
                v.forEach(x -> values.add(x.asText()));
                attributes.put(e.getKey(), new AttributeValue.Texts(values));
            } else {
                String s = v.asText();
                // Luma writes yes/no properties as Yes, No or 1.
                if (s.equals("Yes") || s.equals("1")) attributes.put(e.getKey(), new AttributeValue.Flag(true));
                else if (s.equals("No") || s.equals("0")) attributes.put(e.getKey(), new AttributeValue.Flag(false));
                else attributes.put(e.getKey(), new AttributeValue.Text(s));
            }
        });
        List<String> path = new ArrayList<>();
        JsonNode categories = raw.path("categories");
        if (!categories.isEmpty()) path.addAll(List.of(categories.get(0).asText().split("/")));
        return new Product(ProductId.of(raw.path("sku").asText()), null, raw.path("name").asText(), "", null, path,
                attributes, new Money(BigDecimal.valueOf(raw.path("price").asDouble()).setScale(2), "USD"), Map.of(),
                List.of(), null);
    }

    static Map<ProductId, List<Review>> reviews(Path file) {
        Map<ProductId, List<Review>> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                try {
                    int rating = Integer.parseInt(r.get("rating_value").strip());
                    ProductId id = ProductId.of(r.get("sku").strip());
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(new Review(id, rating, r.get("title"), r.get("review")));
                } catch (IllegalArgumentException skipped) {
                    // A malformed review row is left out; reviews only enrich the facts.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }
}
