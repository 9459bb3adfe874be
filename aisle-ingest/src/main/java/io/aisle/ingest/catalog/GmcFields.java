package io.aisle.ingest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps one Google Merchant Center item (attribute name to values, as read from TSV or XML) to a product.
 * Decisions worth knowing:
 * <ul>
 *   <li>{@code price} is Aisle's price; {@code sale_price} becomes the attribute {@code sale_price} (value and
 *       currency), since a sale has dates and Aisle's price is the standing one.</li>
 *   <li>GMC gives availability, not a count: {@code in_stock} becomes stock {@code {"online": 1}} ("available,
 *       quantity unknown"), the other values {@code {"online": 0}}; the original is kept as attribute
 *       {@code availability}.</li>
 *   <li>{@code item_group_id} becomes {@code parent_id}; GMC has no parent rows, so no parent product is made.</li>
 *   <li>{@code product_type} (or, failing it, a textual {@code google_product_category}) is the category path.</li>
 *   <li>Every other attribute is kept under its GMC name: weights and dimensions as numbers with units, yes/no
 *       attributes as flags, repeated ones as lists, the rest as text.</li>
 * </ul>
 */
final class GmcFields {
    private GmcFields() {}

    private static final Set<String> MAPPED = Set.of("id", "title", "description", "link", "image_link",
            "additional_image_link", "price", "sale_price", "availability", "brand", "item_group_id", "product_type");
    private static final Set<String> QUANTITIES = Set.of("shipping_weight", "shipping_length", "shipping_width",
            "shipping_height", "product_weight", "product_length", "product_width", "product_height",
            "unit_pricing_measure", "unit_pricing_base_measure");
    private static final Set<String> FLAGS = Set.of("adult", "is_bundle", "identifier_exists");
    private static final Set<String> COUNTS = Set.of("multipack");

    static WireProduct product(long line, Map<String, List<String>> item, ImportOptions options) {
        String id = first(item, "id");
        WireProduct w = WireProduct.at(line)
                .text("id", id, "id")
                .text("title", first(item, "title"), "title")
                .text("brand", first(item, "brand"), "brand")
                .text("url", first(item, "link"), "link");
        String description = first(item, "description");
        w.text("description", HtmlText.looksLikeHtml(description) ? HtmlText.toPlain(description) : description, "description");
        w.add("images", first(item, "image_link"), "image_link");
        for (String image : item.getOrDefault("additional_image_link", List.of())) w.add("images", image, "additional_image_link");
        String group = first(item, "item_group_id");
        if (group != null && !group.equals(id)) w.text("parent_id", group, "item_group_id");
        price(item, options, w);
        availability(first(item, "availability"), w);
        category(item, w);
        for (Map.Entry<String, List<String>> e : item.entrySet()) {
            if (!MAPPED.contains(e.getKey())) w.attribute(e.getKey(), attribute(e.getKey(), e.getValue()), e.getKey());
        }
        return w;
    }

    private static void price(Map<String, List<String>> item, ImportOptions options, WireProduct w) {
        w.source("currency", "price");
        String price = first(item, "price");
        if (price != null) {
            String[] p = amountAndCurrency(price);
            if (p == null) {
                w.problem("price", "must be an amount and a currency, e.g. '12.99 USD' (got '" + Cells.abbreviate(price) + "')");
            } else {
                w.text("price", p[0], "price").text("currency", p[1] != null ? p[1] : options.defaultCurrency(), "price");
            }
        }
        String sale = first(item, "sale_price");
        if (sale != null) {
            String[] p = amountAndCurrency(sale);
            JsonNode value = p == null ? null : Cells.money(p[0], p[1] != null ? p[1] : options.defaultCurrency());
            if (value == null) w.problem("sale_price", "must be an amount and a currency, e.g. '9.99 USD' (got '" + Cells.abbreviate(sale) + "')");
            else w.attribute("sale_price", value, "sale_price");
        }
    }

    /** "12.99 USD" or "USD 12.99" or "12.99" as {amount, currency or null}; null when it is neither. */
    static String[] amountAndCurrency(String s) {
        String[] parts = s.strip().split("\\s+");
        if (parts.length == 1) return new String[] {parts[0], null};
        if (parts.length != 2) return null;
        if (parts[1].matches("[A-Za-z]{3}")) return new String[] {parts[0], parts[1].toUpperCase(Locale.ROOT)};
        if (parts[0].matches("[A-Za-z]{3}")) return new String[] {parts[1], parts[0].toUpperCase(Locale.ROOT)};
        return null;
    }

    private static void availability(String value, WireProduct w) {
        if (value == null) return;
        String v = value.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        switch (v) {
            case "in_stock" -> w.stock().set(CatalogImporter.AVAILABILITY_LOCATION, IntNode.valueOf(1));
            case "out_of_stock", "preorder", "backorder" -> w.stock().set(CatalogImporter.AVAILABILITY_LOCATION, IntNode.valueOf(0));
            default -> {
                w.problem("availability", "must be one of in_stock, out_of_stock, preorder, backorder (got '" + Cells.abbreviate(value) + "')");
                return;
            }
        }
        w.source("stock", "availability");
        w.attribute("availability", Cells.textNode(v), "availability");
    }

    private static void category(Map<String, List<String>> item, WireProduct w) {
        String type = first(item, "product_type");
        String google = first(item, "google_product_category");
        if (type != null) w.texts("category_path", Cells.categoryPath(type), "product_type");
        else if (google != null && !google.strip().matches("\\d+")) w.texts("category_path", Cells.categoryPath(google), "google_product_category");
    }

    private static JsonNode attribute(String name, List<String> values) {
        List<String> present = values.stream().filter(v -> !Cells.blank(v)).map(String::strip).toList();
        if (present.isEmpty()) return null;
        if (present.size() > 1) return Cells.textsNode(present);
        String v = present.get(0);
        JsonNode typed = null;
        if (QUANTITIES.contains(name)) typed = Cells.quantity(v);
        else if (FLAGS.contains(name)) typed = Cells.flag(v);
        else if (COUNTS.contains(name) && Cells.isPlainNumber(v)) typed = Cells.quantity(v);
        return typed != null ? typed : Cells.textNode(v);
    }

    private static String first(Map<String, List<String>> item, String name) {
        List<String> values = item.get(name);
        if (values == null) return null;
        for (String v : values) if (!Cells.blank(v)) return v.strip();
        return null;
    }
}
