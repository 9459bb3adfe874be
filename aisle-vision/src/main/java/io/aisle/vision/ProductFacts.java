package io.aisle.vision;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Product;

import java.util.Objects;

/** What the image pipeline needs to know about a product: words for alt text and the kind for scale checks. */
public record ProductFacts(String title, String brand, String colour, String material, String category, ProductKind kind) {

    public ProductFacts {
        Objects.requireNonNull(title, "title");
        brand = brand == null ? "" : brand;
        colour = colour == null ? "" : colour;
        material = material == null ? "" : material;
        category = category == null ? "" : category;
        kind = kind == null ? ProductKind.infer(category + " " + title) : kind;
    }

    /** Facts from a catalogue product: its colour and material attributes when it has them. */
    public static ProductFacts of(Product product) {
        String category = String.join(" / ", product.categoryPath());
        return new ProductFacts(product.title(), product.brand(), attribute(product, "color", "colour"),
                attribute(product, "material"), category, null);
    }

    private static String attribute(Product product, String... names) {
        for (String name : names) {
            AttributeValue v = product.attributes().get(name);
            if (v != null) {
                String text = v.display();
                if (!text.isBlank()) return text;
            }
        }
        return "";
    }
}
