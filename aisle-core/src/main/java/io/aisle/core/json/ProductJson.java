package io.aisle.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.validation.Errors;
import io.aisle.core.validation.ValidationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The snake_case wire form of a product, both directions, with field-level validation. */
public final class ProductJson {
    public static final int MAX_TITLE = 500;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_ATTRIBUTES = 200;

    private static final Set<String> FIELDS = Set.of("id", "parent_id", "title", "description", "brand",
            "category_path", "attributes", "price", "currency", "stock", "images", "url");

    private final ObjectMapper mapper;

    public ProductJson(ObjectMapper mapper) { this.mapper = mapper; }

    /** Decodes one product; {@code path} prefixes error field names (e.g. "line 12"). */
    public Decoded<Product> decode(JsonNode node, String path) {
        Errors errors = new Errors();
        if (node == null || !node.isObject()) {
            errors.add(path.isEmpty() ? "product" : path, "must be a JSON object");
            return Decoded.invalid(errors.list());
        }
        JsonFields f = new JsonFields(node, path, errors);
        f.rejectUnknown(FIELDS);
        String id = f.id("id", true);
        String parent = f.id("parent_id", false);
        if (id != null && id.equals(parent)) f.error("parent_id", "must differ from id");
        String title = f.string("title", true, MAX_TITLE);
        String description = f.string("description", false, MAX_DESCRIPTION);
        String brand = f.string("brand", false, 200);
        List<String> categories = strings(f, "category_path", 20, 200);
        Map<String, AttributeValue> attributes = attributes(f);
        BigDecimal amount = f.decimal("price", true, false);
        String currency = f.string("currency", true, 3);
        Money price = null;
        if (amount != null && currency != null) {
            try {
                price = new Money(amount, currency);
            } catch (ValidationException e) {
                e.errors().forEach(err -> f.error(err.field(), err.reason()));
            }
        }
        Map<String, Integer> stock = stock(f);
        List<String> images = strings(f, "images", 50, 2048);
        if (images != null) {
            for (int i = 0; i < images.size(); i++) {
                if (!isLink(images.get(i))) f.error("images[" + i + "]", "must be an http(s) URL or an absolute path");
            }
        }
        String url = f.string("url", false, 2048);
        if (url != null && !isLink(url)) f.error("url", "must be an http(s) URL or an absolute path");
        if (!errors.isEmpty()) return Decoded.invalid(errors.list());
        return Decoded.ok(new Product(ProductId.of(id), parent == null ? null : ProductId.of(parent), title.strip(),
                description, brand, categories, attributes, price, stock, images, url));
    }

    static boolean isLink(String s) {
        return s.startsWith("https://") || s.startsWith("http://") || (s.startsWith("/") && !s.startsWith("//"));
    }

    private static List<String> strings(JsonFields f, String field, int maxSize, int maxLength) {
        JsonNode array = f.array(field, false, maxSize);
        if (array == null) return f.has(field) ? null : List.of();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode v = array.get(i);
            String at = field + "[" + i + "]";
            if (!v.isTextual() || v.textValue().isBlank()) f.error(at, "must be a non-blank string");
            else if (v.textValue().length() > maxLength) f.error(at, "must be at most " + maxLength + " characters");
            else out.add(v.textValue().strip());
        }
        return out;
    }

    private static Map<String, AttributeValue> attributes(JsonFields f) {
        JsonNode node = f.object("attributes", false);
        if (node == null) return Map.of();
        if (node.size() > MAX_ATTRIBUTES) {
            f.error("attributes", "must have at most " + MAX_ATTRIBUTES + " entries");
            return Map.of();
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "attributes." + e.getKey();
            if (e.getKey().isBlank() || e.getKey().length() > 64) {
                f.error(at, "attribute names must be 1 to 64 characters");
                continue;
            }
            AttributeValue value = attribute(e.getValue());
            if (value == null) {
                f.error(at, "must be a string, number, boolean, array of strings, or {\"value\": number, \"unit\": string}");
            } else if (value.display().length() > 2000) {
                f.error(at, "must be at most 2000 characters");
            } else {
                out.put(e.getKey(), value);
            }
        }
        return out;
    }

    private static AttributeValue attribute(JsonNode v) {
        if (v.isTextual()) return new AttributeValue.Text(v.textValue());
        if (v.isBoolean()) return new AttributeValue.Flag(v.booleanValue());
        if (v.isNumber() && Double.isFinite(v.doubleValue())) return new AttributeValue.Number(v.doubleValue(), null);
        if (v.isArray() && v.size() <= 200) {
            List<String> values = new ArrayList<>();
            for (JsonNode x : v) {
                if (!x.isTextual()) return null;
                values.add(x.textValue());
            }
            return new AttributeValue.Texts(values);
        }
        if (v.isObject() && v.size() <= 2 && v.path("value").isNumber() && Double.isFinite(v.path("value").doubleValue())
                && (v.size() == 1 || v.path("unit").isTextual())) {
            String unit = v.path("unit").isTextual() ? v.path("unit").textValue() : null;
            if (unit != null && (unit.isBlank() || unit.length() > 16)) return null;
            return new AttributeValue.Number(v.path("value").doubleValue(), unit);
        }
        return null;
    }

    private static Map<String, Integer> stock(JsonFields f) {
        JsonNode node = f.object("stock", false);
        if (node == null) return Map.of();
        if (node.size() > 1000) {
            f.error("stock", "must have at most 1000 locations");
            return Map.of();
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "stock." + e.getKey();
            String problem = io.aisle.core.validation.Text.idProblem(e.getKey());
            if (problem != null) {
                f.error(at, "location id " + problem);
                continue;
            }
            JsonNode v = e.getValue();
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
                f.error(at, "must be a whole number of units, 0 or more");
                continue;
            }
            out.put(e.getKey(), v.intValue());
        }
        return out;
    }

    /** The canonical wire form of a product. */
    public ObjectNode encode(Product p) {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", p.id().value());
        if (p.parentId() != null) n.put("parent_id", p.parentId().value());
        n.put("title", p.title());
        if (!p.description().isEmpty()) n.put("description", p.description());
        if (p.brand() != null) n.put("brand", p.brand());
        ArrayNode cats = n.putArray("category_path");
        p.categoryPath().forEach(cats::add);
        ObjectNode attrs = n.putObject("attributes");
        p.attributes().forEach((k, v) -> {
            switch (v) {
                case AttributeValue.Text t -> attrs.put(k, t.value());
                case AttributeValue.Flag b -> attrs.put(k, b.value());
                case AttributeValue.Number num when num.unit() == null -> attrs.put(k, num.value());
                case AttributeValue.Number num -> attrs.putObject(k).put("value", num.value()).put("unit", num.unit());
                case AttributeValue.Texts ts -> {
                    ArrayNode a = attrs.putArray(k);
                    ts.values().forEach(a::add);
                }
            }
        });
        n.put("price", p.price().amount());
        n.put("currency", p.price().currency());
        ObjectNode stock = n.putObject("stock");
        p.stock().forEach(stock::put);
        ArrayNode images = n.putArray("images");
        p.images().forEach(images::add);
        if (p.url() != null) n.put("url", p.url());
        return n;
    }

    public byte[] toBytes(Product p) {
        try {
            return mapper.writeValueAsBytes(encode(p));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode product " + p.id(), e);
        }
    }

    /** Decodes bytes this codec wrote; any error means the store is corrupt. */
    public Product fromBytes(byte[] bytes) {
        try {
            Decoded<Product> d = decode(mapper.readTree(bytes), "");
            if (!d.isValid()) throw new IllegalStateException("stored product does not decode: " + d.errors());
            return d.value();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored product is not JSON", e);
        }
    }
}
