package io.aisle.assistant;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * What the shopper asked for so far in a conversation: free text, category, price bounds, brands wanted and not
 * wanted, attribute values, a use case and excluded words. Every product the assistant shows meets the hard parts
 * (category, price, brands); attribute values and the use case rank.
 *
 * @param query       the search text, without price phrases and filler ("i'm looking for")
 * @param category    the leaf category, or null
 * @param minPrice    lower price bound, or null
 * @param maxPrice    upper price bound, or null
 * @param brands      brands wanted (any of), in the catalogue's spelling
 * @param notBrands   brands not wanted
 * @param attributes  attribute values named, "name=value"
 * @param useCase     what the product is for ("video editing"), or null
 * @param excluded    words the products must not match ("bluetooth" from "without bluetooth")
 */
public record Constraints(String query, String category, Double minPrice, Double maxPrice, List<String> brands,
                          List<String> notBrands, List<String> attributes, String useCase, List<String> excluded) {
    public Constraints {
        query = query == null ? "" : query.strip();
        brands = List.copyOf(brands == null ? List.of() : brands);
        notBrands = List.copyOf(notBrands == null ? List.of() : notBrands);
        attributes = List.copyOf(attributes == null ? List.of() : attributes);
        excluded = List.copyOf(excluded == null ? List.of() : excluded);
    }

    public static Constraints none() { return new Constraints("", null, null, null, List.of(), List.of(), List.of(), null, List.of()); }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() { return equals(none()); }

    /**
     * These constraints refined by a newer message's: what the newer one states replaces, the rest stays. A new
     * category starts over except for the budget, which a shopper rarely means to drop.
     */
    public Constraints refinedBy(Constraints newer) {
        if (newer.category != null && category != null && !newer.category.equals(category)) {
            return new Constraints(newer.query, newer.category, newer.minPrice != null ? newer.minPrice : minPrice,
                    newer.maxPrice != null ? newer.maxPrice : maxPrice, newer.brands, union(notBrands, newer.notBrands),
                    newer.attributes, newer.useCase, newer.excluded);
        }
        List<String> keepBrands = newer.brands.isEmpty() ? brands.stream().filter(b -> !newer.notBrands.contains(b)).toList() : newer.brands;
        List<String> keepNot = union(notBrands.stream().filter(b -> !newer.brands.contains(b)).toList(), newer.notBrands);
        return new Constraints(join(query, newer.query), newer.category != null ? newer.category : category,
                newer.minPrice != null ? newer.minPrice : (newer.maxPrice != null && minPrice != null && minPrice > newer.maxPrice ? null : minPrice),
                newer.maxPrice != null ? newer.maxPrice : (newer.minPrice != null && maxPrice != null && maxPrice < newer.minPrice ? null : maxPrice),
                keepBrands, keepNot, union(attributes, newer.attributes),
                newer.useCase != null ? newer.useCase : useCase, union(excluded, newer.excluded));
    }

    public Constraints withMaxPrice(Double max) {
        return new Constraints(query, category, minPrice, max, brands, notBrands, attributes, useCase, excluded);
    }

    public Constraints withNotBrands(List<String> more) {
        return new Constraints(query, category, minPrice, maxPrice, brands, union(notBrands, more), attributes, useCase, excluded);
    }

    /** A short reading of the constraints, for the answer's first line ("Laptops, under 800.00, for gaming"). */
    public String describe(String currency) {
        List<String> parts = new ArrayList<>();
        if (category != null) parts.add(category);
        if (!brands.isEmpty()) parts.add("from " + String.join(" or ", brands));
        if (minPrice != null && maxPrice != null) parts.add("between " + Amounts.format(minPrice, currency) + " and " + Amounts.format(maxPrice, currency));
        else if (maxPrice != null) parts.add("up to " + Amounts.format(maxPrice, currency));
        else if (minPrice != null) parts.add("from " + Amounts.format(minPrice, currency));
        if (useCase != null) parts.add("for " + useCase);
        if (!notBrands.isEmpty()) parts.add("not " + String.join(" or ", notBrands));
        if (!excluded.isEmpty()) parts.add("without " + String.join(", ", excluded));
        return String.join(", ", parts);
    }

    private static String join(String a, String b) {
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (String w : (a + " " + b).toLowerCase(Locale.ROOT).split("\\s+")) if (!w.isBlank()) words.add(w);
        return String.join(" ", words);
    }

    private static List<String> union(List<String> a, List<String> b) {
        LinkedHashSet<String> s = new LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }
}
