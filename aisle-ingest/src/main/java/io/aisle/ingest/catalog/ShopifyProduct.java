package io.aisle.ingest.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.aisle.ingest.text.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one Shopify handle turned into products. A product whose only variant is Shopify's "Default Title"
 * is one product with the handle as id. Otherwise there is a parent (id = handle, price = the lowest variant
 * price, no stock of its own: stock lives on variants) and one product per variant (id = Variant SKU, or the
 * handle and option values when the SKU is empty; title = "Title - Red / M").
 */
final class ShopifyProduct {
    static final String HANDLE = "handle";
    private static final String TITLE = "title";
    private static final String BODY = "body (html)";
    private static final String VENDOR = "vendor";
    private static final String CATEGORY = "product category";
    private static final String TYPE = "type";
    private static final String TAGS = "tags";
    private static final String PUBLISHED = "published";
    private static final String STATUS = "status";
    private static final String GIFT_CARD = "gift card";
    private static final String SKU = "variant sku";
    private static final String GRAMS = "variant grams";
    private static final String TRACKER = "variant inventory tracker";
    private static final String QTY = "variant inventory qty";
    private static final String PRICE = "variant price";
    private static final String COMPARE_AT = "variant compare at price";
    private static final String BARCODE = "variant barcode";
    private static final String VARIANT_IMAGE = "variant image";
    private static final String COST = "cost per item";
    private static final String IMAGE = "image src";
    private static final String IMAGE_POSITION = "image position";

    private final Header h;
    private final List<CsvSource.Row> rows;
    private final ImportOptions options;
    private final CsvSource.Row first;
    private final String handle;
    private final String description;

    ShopifyProduct(Header header, List<CsvSource.Row> rows, ImportOptions options) {
        this.h = header;
        this.rows = List.copyOf(rows);
        this.options = options;
        this.first = rows.get(0);
        this.handle = header.get(first, HANDLE);
        this.description = HtmlText.toPlain(header.get(first, BODY));
    }

    void emit(FeedSink sink) {
        List<CsvSource.Row> variants = rows.stream().filter(this::hasVariant).toList();
        List<String> images = images();
        if (variants.isEmpty() || variants.size() == 1 && isDefaultVariant(variants.get(0))) {
            CsvSource.Row v = variants.isEmpty() ? first : variants.get(0);
            WireProduct single = common(first.line(), title(), imagesOf(v, images));
            single.text("id", handle, "Handle");
            variantFields(single, v);
            single.attribute("sku", Cells.textNode(h.get(v, SKU)), "Variant SKU");
            sink.product(single);
            return;
        }
        WireProduct parent = common(first.line(), title(), images).text("id", handle, "Handle");
        for (Map.Entry<String, List<String>> option : optionValues(variants).entrySet()) {
            parent.attribute(option.getKey(), Cells.textsNode(option.getValue()), optionColumn(option.getKey()));
        }
        parent.text("price", lowestPrice(variants), "Variant Price")
                .text("currency", options.defaultCurrency(), "Variant Price");
        sink.product(parent);
        for (CsvSource.Row v : variants) sink.product(variant(v, images));
    }

    private WireProduct variant(CsvSource.Row v, List<String> productImages) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String value = h.get(v, "option" + i + " value");
            if (!value.isEmpty()) values.add(value);
        }
        String title = title();
        String variantTitle = values.isEmpty() ? title : (title.isEmpty() ? "" : title + " - ") + String.join(" / ", values);
        WireProduct w = common(v.line(), variantTitle, imagesOf(v, productImages));
        String sku = h.get(v, SKU);
        w.text("id", sku.isEmpty() ? handle + "-" + slug(values) : sku, sku.isEmpty() ? "Handle" : "Variant SKU")
                .text("parent_id", handle, "Handle");
        for (int i = 1; i <= 3; i++) {
            String value = h.get(v, "option" + i + " value");
            if (!value.isEmpty()) w.attribute(optionName(i), Cells.textNode(value), "Option" + i + " Value");
        }
        variantFields(w, v);
        return w;
    }

    /** The variant's own image first, then the product's. */
    private List<String> imagesOf(CsvSource.Row v, List<String> productImages) {
        List<String> images = new ArrayList<>();
        String own = h.get(v, VARIANT_IMAGE);
        if (!own.isEmpty()) images.add(own);
        for (String image : productImages) if (!images.contains(image)) images.add(image);
        return images;
    }

    /** Fields every product of the handle shares, taken from its first row. */
    private WireProduct common(long line, String title, List<String> images) {
        String category = h.get(first, CATEGORY);
        String type = h.get(first, TYPE);
        WireProduct w = WireProduct.at(line)
                .text("title", title, "Title")
                .text("description", description, "Body (HTML)")
                .text("brand", h.get(first, VENDOR), "Vendor")
                .texts("images", images, "Image Src")
                .text("url", "/products/" + handle, "Handle");
        if (!category.isEmpty()) w.texts("category_path", Cells.categoryPath(category), "Product Category");
        else if (!type.isEmpty()) w.texts("category_path", List.of(type), "Type");
        w.attribute("product_type", Cells.textNode(type), "Type")
                .attribute("tags", tags(h.get(first, TAGS)), "Tags")
                .attribute("published", Cells.flag(h.get(first, PUBLISHED)), "Published")
                .attribute("status", Cells.textNode(h.get(first, STATUS).toLowerCase(Locale.ROOT)), "Status");
        if ("true".equalsIgnoreCase(h.get(first, GIFT_CARD))) w.attribute("gift_card", Cells.flag("true"), "Gift Card");
        return w;
    }

    private void variantFields(WireProduct w, CsvSource.Row v) {
        String currency = options.defaultCurrency();
        w.text("price", h.get(v, PRICE), "Variant Price").text("currency", currency, "Variant Price");
        w.attribute("barcode", Cells.textNode(h.get(v, BARCODE)), "Variant Barcode");
        String grams = h.get(v, GRAMS);
        if (Cells.isPlainNumber(grams)) w.attribute("weight", Cells.quantity(grams + " g"), "Variant Grams");
        w.attribute("compare_at_price", Cells.money(h.get(v, COMPARE_AT), currency), "Variant Compare At Price");
        w.attribute("cost", Cells.money(h.get(v, COST), currency), "Cost per item");
        stock(w, v);
    }

    /**
     * Shopify's single inventory figure is the "default" location. Oversold variants (policy "continue") have
     * negative counts: that is 0 on hand. Untracked inventory (no tracker, no count) means always available, so
     * it gets the same "available, quantity unknown" stock as a GMC in_stock item.
     */
    private void stock(WireProduct w, CsvSource.Row v) {
        String qty = h.get(v, QTY);
        if (!qty.isEmpty()) {
            JsonNode n = Cells.wholeNumber(qty);
            w.stock().set(CsvFeed.DEFAULT_LOCATION, n.isNumber() && n.longValue() < 0 ? LongNode.valueOf(0) : n);
            w.source("stock", "Variant Inventory Qty");
        } else if (h.get(v, TRACKER).isEmpty()) {
            w.stock().set(CatalogImporter.AVAILABILITY_LOCATION, IntNode.valueOf(1));
            w.source("stock", "Variant Inventory Tracker");
        }
    }

    private boolean hasVariant(CsvSource.Row row) {
        return !h.get(row, SKU).isEmpty() || !h.get(row, PRICE).isEmpty() || !h.get(row, "option1 value").isEmpty();
    }

    private boolean isDefaultVariant(CsvSource.Row v) {
        String name = h.get(first, "option1 name");
        String value = h.get(v, "option1 value");
        return value.isEmpty() || name.equalsIgnoreCase("Title") && value.equalsIgnoreCase("Default Title");
    }

    private String title() { return h.get(first, TITLE); }

    private String optionName(int i) {
        String name = h.get(first, "option" + i + " name").toLowerCase(Locale.ROOT);
        return name.isEmpty() ? "option" + i : name;
    }

    private String optionColumn(String attribute) {
        for (int i = 1; i <= 3; i++) if (optionName(i).equals(attribute)) return "Option" + i + " Value";
        return attribute;
    }

    private Map<String, List<String>> optionValues(List<CsvSource.Row> variants) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            Set<String> values = new LinkedHashSet<>();
            for (CsvSource.Row v : variants) {
                String value = h.get(v, "option" + i + " value");
                if (!value.isEmpty()) values.add(value);
            }
            if (!values.isEmpty()) out.put(optionName(i), List.copyOf(values));
        }
        return out;
    }

    /** Product images in Image Position order (rows without a position keep file order, after those with one). */
    private List<String> images() {
        record Positioned(int position, int order, String src) {}
        List<Positioned> found = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String src = h.get(rows.get(i), IMAGE);
            if (src.isEmpty()) continue;
            String position = h.get(rows.get(i), IMAGE_POSITION);
            int p = position.matches("\\d{1,6}") ? Integer.parseInt(position) : Integer.MAX_VALUE;
            found.add(new Positioned(p, i, src));
        }
        found.sort(Comparator.comparingInt(Positioned::position).thenComparingInt(Positioned::order));
        return found.stream().map(Positioned::src).distinct().toList();
    }

    /** The lowest readable variant price, or the first one as written so the codec can say what is wrong. */
    private String lowestPrice(List<CsvSource.Row> variants) {
        BigDecimal lowest = null;
        for (CsvSource.Row v : variants) {
            String p = h.get(v, PRICE);
            if (!Cells.isPlainNumber(p)) continue;
            BigDecimal d = new BigDecimal(p);
            if (lowest == null || d.compareTo(lowest) < 0) lowest = d;
        }
        return lowest != null ? lowest.toPlainString() : h.get(variants.get(0), PRICE);
    }

    private static JsonNode tags(String cell) {
        List<String> tags = Cells.split(cell, ",");
        return tags.isEmpty() ? null : Cells.textsNode(tags);
    }

    private static String slug(List<String> values) {
        String s = String.join("-", values).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "variant" : s;
    }
}
