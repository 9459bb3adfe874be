package io.aisle.content.facts;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Retrieves the facts copy may use about a product: attributes with their roles, set flags, reviews, category peers
 * (and the attribute value that sets the product apart from them), and search terms for SEO. Built once per
 * catalogue snapshot; {@link #facts} is then cheap and thread-safe.
 */
public final class FactRetriever {
    /** Flags that are marketing state, not product properties: never stated in copy. */
    private static final Set<String> MERCHANDISING_FLAGS = Set.of("new", "sale", "erin_recommends", "featured", "bestseller");
    private static final int MAX_PEERS = 8;
    private static final Set<String> UNITS = Set.of("cm", "mm", "inch", "inches", "foot", "feet", "ft", "oz", "kg", "lb", "lbs", "ml");

    private final Map<String, List<Product>> byCategory = new HashMap<>();
    private final Map<ProductId, List<Review>> reviews;
    private final SearchTerms searchTerms;

    public FactRetriever(Collection<Product> catalogue, Map<ProductId, List<Review>> reviews, SearchTerms searchTerms) {
        for (Product p : catalogue) if (!p.isVariant()) byCategory.computeIfAbsent(p.category(), c -> new ArrayList<>()).add(p);
        this.reviews = Map.copyOf(reviews);
        this.searchTerms = searchTerms;
    }

    public ProductFacts facts(Product product) {
        List<Attribute> attributes = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        product.attributes().forEach((key, value) -> {
            switch (value) {
                case AttributeValue.Flag f -> { if (f.value() && !MERCHANDISING_FLAGS.contains(key)) flags.add(label(key)); }
                default -> {
                    List<String> values = values(value);
                    if (!values.isEmpty()) attributes.add(new Attribute(key, role(key), label(key), values));
                }
            }
        });
        List<Product> peers = byCategory.getOrDefault(product.category(), List.of()).stream()
                .filter(p -> !p.id().equals(product.id())).limit(MAX_PEERS).toList();
        String distinctive = distinctive(attributes, byCategory.getOrDefault(product.category(), List.of()), product);
        ProductFacts draft = new ProductFacts(product, noun(product.title()), attributes, flags,
                reviews.getOrDefault(product.id(), List.of()), peers, distinctive, List.of());
        List<String> terms = searchTerms.matching(draft.supportText(), product.title() + " " + product.category(), 3);
        return new ProductFacts(product, draft.noun(), attributes, flags, draft.reviews(), peers, distinctive, terms);
    }

    /** The products in {@code category}, for category intros. */
    public List<Product> inCategory(String category) { return byCategory.getOrDefault(category, List.of()); }

    /** Every category with at least one product. */
    public Set<String> categories() { return byCategory.keySet(); }

    static List<String> values(AttributeValue value) {
        List<String> raw = switch (value) {
            case AttributeValue.Text t -> List.of(t.value());
            case AttributeValue.Texts ts -> ts.values();
            case AttributeValue.Number n -> List.of(n.display());
            case AttributeValue.Flag f -> List.of();
        };
        return raw.stream().map(Markup::clean).filter(s -> !s.isBlank()).distinct().toList();
    }

    static Attribute.Role role(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.contains("material") || k.contains("fabric")) return Attribute.Role.MATERIAL;
        if (k.contains("color") || k.contains("colour")) return Attribute.Role.COLOUR;
        if (k.contains("size")) return Attribute.Role.SIZE;
        if (k.contains("pattern")) return Attribute.Role.PATTERN;
        if (k.contains("activity") || k.contains("sport")) return Attribute.Role.ACTIVITY;
        if (k.contains("climate") || k.contains("season")) return Attribute.Role.CLIMATE;
        if (k.contains("gender")) return Attribute.Role.GENDER;
        if (k.contains("style") || k.contains("category") || k.equals("type")) return Attribute.Role.STYLE;
        return Attribute.Role.FEATURE;
    }

    /** A readable name for a field: {@code strap_bags} reads "strap", {@code size_options} "size". */
    static String label(String key) {
        String k = key.toLowerCase(Locale.ROOT).replaceAll("_(options|general|bottom|bags|gear)$", "");
        if (k.equals("features")) return "features";
        return k.replace('_', ' ').strip();
    }

    /** The product noun: the last word of its name ("Chaz Kangeroo Hoodie" is a hoodie). */
    static String noun(String title) {
        // A parenthesised variant ("Tee (V-neck)") says which version, not what the product is.
        String[] words = Markup.clean(title).replaceAll("\\([^)]*\\)", " ").strip().split("[\\s-]+");
        for (int i = words.length - 1; i >= 0; i--) {
            String w = words[i].replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
            // Skip measures such as "55 cm": the noun is the word before them.
            if (w.length() >= 3 && !words[i].matches(".*\\d.*") && !UNITS.contains(w)) return w;
        }
        return "product";
    }

    /** This product's attribute value shared by the fewest peers: what sets it apart. */
    private static String distinctive(List<Attribute> attributes, List<Product> category, Product self) {
        if (category.size() < 3) return "";
        Map<String, Integer> counts = new HashMap<>();
        for (Product p : category) {
            for (Map.Entry<String, AttributeValue> e : p.attributes().entrySet()) {
                Attribute.Role role = role(e.getKey());
                if (role == Attribute.Role.SIZE || role == Attribute.Role.COLOUR) continue;
                for (String v : values(e.getValue())) counts.merge(v.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        String best = "";
        int bestCount = Integer.MAX_VALUE;
        for (Attribute a : attributes) {
            if (a.role() == Attribute.Role.SIZE || a.role() == Attribute.Role.COLOUR) continue;
            for (String v : a.values()) {
                int c = counts.getOrDefault(v.toLowerCase(Locale.ROOT), 0);
                if (c < bestCount || (c == bestCount && v.compareTo(best) < 0)) { best = v; bestCount = c; }
            }
        }
        // Only worth saying when most of the category lacks it.
        return bestCount * 3 <= category.size() && !self.title().toLowerCase(Locale.ROOT).contains(best.toLowerCase(Locale.ROOT)) ? best : "";
    }
}
