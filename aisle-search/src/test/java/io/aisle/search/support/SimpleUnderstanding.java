package io.aisle.search.support;

import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.ParsedQuery;
import io.aisle.search.query.QueryUnderstanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test stand-in for query understanding: "under $N" becomes a price bound, "without X" a negation, known brand
 * names and attribute values become constraints; the rest is plain text.
 */
public final class SimpleUnderstanding implements QueryUnderstanding {
    private static final Pattern UNDER = Pattern.compile("(?i)\\bunder \\$?(\\d+(?:\\.\\d+)?)");
    private static final Pattern WITHOUT = Pattern.compile("(?i)\\bwithout (\\w+)");

    private final Set<String> brands;
    private final Map<String, String> attributeOfValue;

    /**
     * @param brands           brand names to recognise (as the catalogue spells them)
     * @param attributeOfValue attribute value (lower case) to the attribute it belongs to, e.g. red to colour
     */
    public SimpleUnderstanding(Set<String> brands, Map<String, String> attributeOfValue) {
        this.brands = brands;
        this.attributeOfValue = attributeOfValue;
    }

    /** Plain text only. */
    public static SimpleUnderstanding plain() { return new SimpleUnderstanding(Set.of(), Map.of()); }

    @Override public ParsedQuery parse(String text) {
        String rest = text;
        List<ParsedQuery.NumericConstraint> numeric = new ArrayList<>();
        Matcher under = UNDER.matcher(rest);
        if (under.find()) {
            numeric.add(new ParsedQuery.NumericConstraint("price", null, Double.parseDouble(under.group(1)), null, under.group()));
            rest = under.replaceFirst(" ");
        }
        List<String> excluded = new ArrayList<>();
        Matcher without = WITHOUT.matcher(rest);
        while (without.find()) excluded.add(without.group(1));
        rest = WITHOUT.matcher(rest).replaceAll(" ");
        List<String> foundBrands = new ArrayList<>();
        List<ParsedQuery.AttributeConstraint> attributes = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String w : rest.strip().split("\\s+")) {
            if (w.isEmpty()) continue;
            String brand = brands.stream().filter(b -> b.equalsIgnoreCase(w)).findFirst().orElse(null);
            String attribute = attributeOfValue.get(w.toLowerCase(Locale.ROOT));
            if (brand != null) foundBrands.add(brand);
            else if (attribute != null) attributes.add(new ParsedQuery.AttributeConstraint(attribute, List.of(w), w));
            else words.add(w);
        }
        String free = String.join(" ", words);
        List<String> terms = Arrays.stream(free.toLowerCase(Locale.ROOT).split("\\s+")).filter(s -> !s.isEmpty()).toList();
        return new ParsedQuery(text, free, null, terms, foundBrands, attributes, numeric, excluded, List.of(), List.of());
    }

    @Override public void accept(Product product) {}

    @Override public void remove(ProductId id) {}

    @Override public void learnSearch(String query, List<String> categoryPath) {}
}
