package io.aisle.content;

import io.aisle.content.facts.FactRetriever;
import io.aisle.content.facts.ProductFacts;
import io.aisle.content.facts.SearchTerms;
import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.util.List;
import java.util.Map;

/** A small apparel catalogue for content tests. */
public final class Fixtures {
    private Fixtures() {}

    public static Product product(String id, String title, String price, String material, List<String> colours,
                                  List<String> sizes, String category) {
        return new Product(ProductId.of(id), null, title, "", null, List.of("Men", "Tops", category),
                Map.of("material", new AttributeValue.Text(material),
                        "pattern", new AttributeValue.Text("Solid"),
                        "climate", new AttributeValue.Texts(List.of("Cool", "Windy")),
                        "color_options", new AttributeValue.Texts(colours),
                        "size_options", new AttributeValue.Texts(sizes),
                        "activity", new AttributeValue.Texts(List.of("Gym", "Running")),
                        "eco_collection", new AttributeValue.Flag(true),
                        "sale", new AttributeValue.Flag(true)),
                Money.of(price, "USD"), Map.of(), List.of(), null);
    }

    public static List<Product> catalogue() {
        return List.of(
                product("MH01", "Chaz Kangeroo Hoodie", "52.00", "Wool", List.of("Black", "Gray"), List.of("S", "M", "L"), "Hoodies"),
                product("MH02", "Teton Pullover Hoodie", "70.00", "Fleece", List.of("Red", "Purple"), List.of("M", "L", "XL"), "Hoodies"),
                product("MH03", "Bruno Compete Hoodie", "63.00", "Organic Cotton", List.of("Blue"), List.of("XS", "S"), "Hoodies"),
                product("MT01", "Tristan Endurance Tank", "29.00", "Polyester", List.of("Green", "White"), List.of("S", "M"), "Tanks"));
    }

    public static FactRetriever retriever() { return new FactRetriever(catalogue(), Map.of(), SearchTerms.none()); }

    public static ProductFacts facts(String id) {
        FactRetriever r = retriever();
        return r.facts(catalogue().stream().filter(p -> p.id().value().equals(id)).findFirst().orElseThrow());
    }
}
