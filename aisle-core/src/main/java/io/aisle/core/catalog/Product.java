package io.aisle.core.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sellable product or a variant of one ({@code parentId} set).
 *
 * @param stock units on hand per location id
 * @param url   the product page on the storefront, if known
 */
public record Product(
        ProductId id,
        ProductId parentId,
        String title,
        String description,
        String brand,
        List<String> categoryPath,
        Map<String, AttributeValue> attributes,
        Money price,
        Map<String, Integer> stock,
        List<String> images,
        String url) {

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(price, "price");
        description = description == null ? "" : description;
        categoryPath = List.copyOf(categoryPath == null ? List.of() : categoryPath);
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
        stock = stock == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(stock));
        images = List.copyOf(images == null ? List.of() : images);
    }

    /** This product at another price. */
    public Product withPrice(Money newPrice) {
        return new Product(id, parentId, title, description, brand, categoryPath, attributes, newPrice, stock, images, url);
    }

    /** Units on hand over all locations. */
    public int totalStock() { return stock.values().stream().mapToInt(Integer::intValue).sum(); }

    public boolean inStock() { return totalStock() > 0; }

    /** The leaf category, or empty when uncategorised. */
    public String category() { return categoryPath.isEmpty() ? "" : categoryPath.get(categoryPath.size() - 1); }

    public boolean isVariant() { return parentId != null; }
}
