package io.aisle.ingest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aisle.ingest.RowError;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The flattened Magento Luma sample catalogue ({@code shared/data/magento-luma/luma_products_flat.jsonl}): sku,
 * name, categories, price, attributes, description_html, image per line.
 * <ul>
 *   <li>Categories come two ways: apparel as paths ("Men/Tops/Tees", "Collections/Eco Friendly"), gear as loose
 *       segments ("Gear", "Bags", "Collections", "Erin Recommends"). The first path outside Collections and
 *       Promotions is the category path; collection and promotion names become the attributes
 *       {@code collections} and {@code promotions}.</li>
 *   <li>Magento's Yes/No attributes become flags; lists stay lists.</li>
 *   <li>Images are paths under Magento's media folder, so "/m/h/mh01.jpg" becomes
 *       "/media/catalog/product/m/h/mh01.jpg", the path a Magento store serves it on.</li>
 *   <li>The file has no stock, and every product in it is on sale in the demo store, so each gets the
 *       "available, quantity unknown" stock {@code {"online": 1}}.</li>
 *   <li>Prices are in the import's default currency (the demo store's is USD).</li>
 * </ul>
 */
final class LumaFeed implements FeedReader {
    static final String MEDIA = "/media/catalog/product";
    private final ObjectMapper mapper;

    LumaFeed(ObjectMapper mapper) { this.mapper = mapper; }

    @Override public void read(InputStream in, ImportOptions options, FeedSink sink) throws IOException {
        JsonlFeed.eachLine(mapper, in, sink, (line, node) -> {
            if (!node.isObject()) sink.error(line, RowError.RECORD, "must be a JSON object");
            else sink.product(product(line, node, options));
        });
    }

    private static WireProduct product(long line, JsonNode n, ImportOptions options) {
        WireProduct w = WireProduct.at(line)
                .set("id", n.get("sku"), "sku")
                .set("title", n.get("name"), "name")
                .set("price", n.get("price"), "price")
                .text("currency", options.defaultCurrency(), "price");
        JsonNode html = n.get("description_html");
        JsonNode text = n.get("description_text");
        if (html != null && html.isTextual() && !html.textValue().isBlank()) w.text("description", HtmlText.toPlain(html.textValue()), "description_html");
        else w.set("description", text, "description_text");
        categories(n.get("categories"), w);
        JsonNode image = n.get("image");
        if (image != null && image.isTextual() && image.textValue().startsWith("/")) w.add("images", MEDIA + image.textValue(), "image");
        else if (image != null && !image.isNull()) w.set("images", JsonNodeFactory.instance.arrayNode().add(image), "image");
        JsonNode attributes = n.get("attributes");
        if (attributes != null && attributes.isObject()) {
            for (Map.Entry<String, JsonNode> e : attributes.properties()) {
                w.attribute(e.getKey(), attribute(e.getValue()), "attributes." + e.getKey());
            }
        } else if (attributes != null && !attributes.isNull()) {
            w.problem("attributes", "must be an object");
        }
        JsonNode set = n.get("attribute_set");
        if (set != null && set.isTextual()) w.attribute("attribute_set", Cells.textNode(set.textValue()), "attribute_set");
        w.stock().put(CatalogImporter.AVAILABILITY_LOCATION, 1);
        return w;
    }

    private static void categories(JsonNode categories, WireProduct w) {
        if (categories == null || categories.isNull()) return;
        if (!categories.isArray()) {
            w.problem("categories", "must be an array of strings");
            return;
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode c : categories) {
            if (!c.isTextual() || c.textValue().isBlank()) {
                w.problem("categories", "must be an array of strings");
                return;
            }
            entries.add(c.textValue().strip());
        }
        List<String> path = null;
        List<String> collections = new ArrayList<>();
        List<String> promotions = new ArrayList<>();
        boolean paths = entries.stream().anyMatch(e -> e.contains("/"));
        if (paths) {
            for (String entry : entries) {
                List<String> segments = Cells.split(entry, "/");
                if (segments.isEmpty()) continue;
                String root = segments.get(0);
                String rest = String.join("/", segments.subList(1, segments.size()));
                if (root.equals("Collections") && !rest.isEmpty()) collections.add(rest);
                else if (root.equals("Promotions") && !rest.isEmpty()) promotions.add(rest);
                else if (path == null) path = segments;
            }
        } else {
            List<String> leading = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                String e = entries.get(i);
                boolean marker = e.equals("Collections") || e.equals("Promotions");
                if (marker && i + 1 < entries.size()) {
                    (e.equals("Collections") ? collections : promotions).add(entries.get(++i));
                } else if (collections.isEmpty() && promotions.isEmpty()) {
                    leading.add(e);
                }
            }
            path = leading;
        }
        w.texts("category_path", path, "categories");
        if (!collections.isEmpty()) w.attribute("collections", Cells.textsNode(collections.stream().distinct().toList()), "categories");
        if (!promotions.isEmpty()) w.attribute("promotions", Cells.textsNode(promotions.stream().distinct().toList()), "categories");
    }

    /** Magento's Yes/No as a flag; anything else as given (the codec checks it). */
    private static JsonNode attribute(JsonNode v) {
        if (v.isTextual() && (v.textValue().equals("Yes") || v.textValue().equals("No"))) return Cells.flag(v.textValue());
        return v;
    }
}
