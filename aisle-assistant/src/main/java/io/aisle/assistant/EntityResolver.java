package io.aisle.assistant;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Product;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the products a message refers to among those shown: by position ("the second one", "the first two", "the
 * last"), by id, by brand, colour or other attribute value named ("that blue jacket", "the Sonorra"), by an extreme
 * ("the cheaper one"), or "it" (the product talked about last). Brands and values narrow the candidates first, so
 * "the cheaper Sonorra" is the cheapest of the Sonorra products shown.
 */
public final class EntityResolver {
    private static final Pattern ID = Pattern.compile("\\b[A-Za-z]{1,5}-?\\d{3,}\\b");
    private static final Set<String> SKIP_VALUES = Set.of("yes", "no", "none", "in", "on", "s", "m", "l");

    /**
     * @param shown  products shown last, in order
     * @param focus  the product talked about last, or null
     * @param wanted how many the handler needs (1 for a question, 2+ for a comparison)
     */
    public List<Product> resolve(String message, List<Product> shown, Product focus, int wanted) {
        String lower = message.toLowerCase(Locale.ROOT);
        List<Product> out = new ArrayList<>();
        Matcher id = ID.matcher(message);
        while (id.find()) {
            for (Product p : shown) if (p.id().value().equalsIgnoreCase(id.group()) && !out.contains(p)) out.add(p);
        }
        if (!out.isEmpty()) return out;
        for (int pos : References.positions(lower)) {
            int index = pos < 0 ? shown.size() - 1 : pos - 1;
            if (index >= 0 && index < shown.size() && !out.contains(shown.get(index))) out.add(shown.get(index));
        }
        if (!out.isEmpty()) return out;
        // Narrow by what is named: brands, then attribute values ("blue"), then model words.
        List<Product> candidates = new ArrayList<>(shown);
        List<Product> byBrand = shown.stream().filter(p -> p.brand() != null && contains(lower, p.brand())).toList();
        List<Product> byValue = shown.stream().filter(p -> namesValue(lower, p)).toList();
        if (!byBrand.isEmpty()) candidates = new ArrayList<>(byBrand);
        if (!byValue.isEmpty()) {
            List<Product> both = candidates.stream().filter(byValue::contains).toList();
            if (!both.isEmpty()) candidates = new ArrayList<>(both);
        }
        boolean named = !byBrand.isEmpty() || !byValue.isEmpty();
        References.Superlative sup = References.superlative(lower);
        if (sup != References.Superlative.NONE && !candidates.isEmpty()) {
            Comparator<Product> byPrice = Comparator.comparing(p -> p.price().amount());
            candidates.sort(sup == References.Superlative.CHEAPEST ? byPrice : byPrice.reversed());
            if (wanted <= 1) return List.of(candidates.get(0));
        }
        if (named) {
            // "compare the Sonorra and the Halden": one of each brand named, in the order named.
            if (wanted >= 2 && byBrand.size() >= 2) {
                List<Product> perBrand = new ArrayList<>();
                shown.stream().map(Product::brand).distinct().filter(b -> contains(lower, b))
                        .sorted(Comparator.comparingInt(b -> lower.indexOf(b.toLowerCase(Locale.ROOT))))
                        .forEach(b -> candidates(byBrand, b).ifPresent(perBrand::add));
                if (perBrand.size() >= 2) return perBrand;
            }
            return candidates.subList(0, Math.min(candidates.size(), Math.max(1, wanted)));
        }
        if (sup != References.Superlative.NONE && !candidates.isEmpty()) return candidates.subList(0, Math.min(candidates.size(), Math.max(1, wanted)));
        int group = References.groupSize(lower);
        if (wanted >= 2 && !shown.isEmpty()) {
            int n = group > 0 ? group : Math.min(shown.size(), Math.max(wanted, group < 0 ? shown.size() : wanted));
            return shown.subList(0, Math.min(n, shown.size()));
        }
        if (focus != null) return List.of(focus);
        return shown.isEmpty() ? List.of() : List.of(shown.get(0));
    }

    private static java.util.Optional<Product> candidates(List<Product> list, String brand) {
        return list.stream().filter(p -> brand.equals(p.brand())).findFirst();
    }

    private static boolean namesValue(String lower, Product p) {
        for (AttributeValue v : p.attributes().values()) {
            if (v instanceof AttributeValue.Text t && !SKIP_VALUES.contains(t.value().toLowerCase(Locale.ROOT)) && contains(lower, t.value())) return true;
        }
        return false;
    }

    static boolean contains(String lower, String phrase) {
        String p = phrase.toLowerCase(Locale.ROOT);
        return !p.isBlank() && Pattern.compile("\\b" + Pattern.quote(p) + "\\b").matcher(lower).find();
    }
}
