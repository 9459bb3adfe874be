package io.aisle.bench.search;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Chorus electronics benchmark as published: Icecat products from {@code products/{1..4}.json.zip} and graded
 * judgments (0-3) from {@code judgments_dev.csv}. Products carry no category path; prices are integer cents.
 */
public record ChorusData(List<Product> products, Map<String, Map<ProductId, Integer>> judgments) {

    /** Reads the dataset folder; fails naming the file when something is missing or malformed. */
    public static ChorusData read(Path dir) {
        Path products = dir.resolve("products");
        Path judgments = dir.resolve("judgments_dev.csv");
        if (!Files.isDirectory(products)) throw new IllegalArgumentException("--data: no products/ folder in " + dir);
        if (!Files.isRegularFile(judgments)) throw new IllegalArgumentException("--data: no judgments_dev.csv in " + dir);
        List<Product> all = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (int part = 1; part <= 4; part++) {
            Path zip = products.resolve(part + ".json.zip");
            if (!Files.isRegularFile(zip)) throw new IllegalArgumentException("--data: missing " + zip);
            readZip(mapper, zip, all);
        }
        return new ChorusData(List.copyOf(all), readJudgments(judgments));
    }

    private static void readZip(ObjectMapper mapper, Path zip, List<Product> into) {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (!entry.getName().endsWith(".json")) continue;
                readArray(mapper, in, into);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + zip, e);
        }
    }

    private static void readArray(ObjectMapper mapper, InputStream in, List<Product> into) throws IOException {
        JsonParser parser = mapper.getFactory().createParser(in);
        if (parser.nextToken() != JsonToken.START_ARRAY) throw new IOException("expected a JSON array of products");
        while (parser.nextToken() == JsonToken.START_OBJECT) into.add(product(mapper.readTree(parser)));
    }

    static Product product(JsonNode n) {
        Map<String, AttributeValue> attributes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = f.getKey();
            if (!key.startsWith("attr_") || key.length() < 8) continue;
            String name = key.substring(7);
            JsonNode v = f.getValue();
            switch (key.charAt(5)) {
                case 't' -> { if (!v.asText().isBlank()) attributes.put(name, new AttributeValue.Text(v.asText().strip())); }
                case 'n' -> { if (v.isNumber() && Double.isFinite(v.asDouble())) attributes.put(name, new AttributeValue.Number(v.asDouble(), null)); }
                case 'b' -> attributes.put(name, new AttributeValue.Flag(v.asBoolean()));
                default -> { }
            }
        }
        BigDecimal cents = new BigDecimal(n.path("price").asText("0"));
        String description = n.path("short_description").asText("");
        return new Product(ProductId.of(n.path("id").asText()), null, n.path("title").asText(), description,
                n.path("supplier").asText(null), List.of(), attributes,
                new Money(cents.movePointLeft(2).max(BigDecimal.ZERO), "USD"), Map.of(), List.of(), null);
    }

    private static Map<String, Map<ProductId, Integer>> readJudgments(Path file) {
        Map<String, Map<ProductId, Integer>> out = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) continue;
                int last = line.lastIndexOf(',');
                int middle = line.lastIndexOf(',', last - 1);
                if (middle < 0) throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected query,docid,rating");
                String query = line.substring(0, middle).strip().toLowerCase(Locale.ROOT);
                if (query.startsWith("\"") && query.endsWith("\"")) query = query.substring(1, query.length() - 1);
                int rating = Integer.parseInt(line.substring(last + 1).strip());
                out.computeIfAbsent(query, q -> new LinkedHashMap<>())
                        .put(ProductId.of(line.substring(middle + 1, last).strip()), rating);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        return out;
    }
}
