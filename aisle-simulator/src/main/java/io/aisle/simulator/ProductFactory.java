package io.aisle.simulator;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Builds one product family, a standalone product or a parent followed by its variants, from the family's own seed. */
final class ProductFactory {
    private static final List<Template> CLOSERS = List.of(
            Template.of("Backed by a two-year {brand} warranty."),
            Template.of("Ships within two working days, with free returns for 30 days."),
            Template.of("Customers who bought it for {use} rate it highly."),
            Template.of("Fair value for the quality, with {brand} support behind it."),
            Template.of("Compare it with other {brand} models to find your fit."),
            Template.of("Order online or collect in store where stock allows."));
    private static final Template USE_FALLBACK = Template.of("A popular pick for {use}.");
    private static final Template USE2_FALLBACK = Template.of("Also a good choice for {use2}.");
    private static final double[] BRAND_TIERS = {-0.2, 0, 0.25};
    /** Out of this many sellable products, one is sold out everywhere. */
    private static final double SOLD_OUT = 0.07;

    private final CatalogConfig config;
    private final int digits;

    ProductFactory(CatalogConfig config) {
        this.config = config;
        this.digits = Currency.getInstance(config.currency()).getDefaultFractionDigits();
    }

    /** The id of the product at {@code index}: "P" and at least six digits, stable for any catalogue size. */
    static String id(int index) {
        String digits = Integer.toString(index);
        return digits.length() >= 6 ? "P" + digits : "P" + "000000".substring(digits.length()) + digits;
    }

    /** The family starting at {@code start}: the head product first, then {@code children} variants. */
    List<Product> family(CategoryProfile category, long seed, int start, int children) {
        Rng rng = new Rng(seed);
        String brand = category.brands().get(rng.pickCumulative(category.brandWeights()));
        String suffix = rng.pick(category.modelSuffixes());
        String model = suffix.isEmpty() ? rng.pick(category.modelStems()) : rng.pick(category.modelStems()) + " " + suffix;

        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        double logPremium = 0;
        for (AttributeSpec spec : category.attributes()) {
            AttributeSpec.Drawn drawn = spec.draw(rng);
            attributes.put(spec.name(), drawn.value());
            logPremium += drawn.logPremium();
        }
        CategoryProfile.VariantAxis axis = category.variants();
        List<String> run = List.of();
        if (axis != null && children > 0) {
            int from = rng.nextInt(axis.values().size() - children + 1);
            run = axis.values().subList(from, from + children);
            attributes.put(axis.attribute(), new AttributeValue.Texts(run));
        } else if (axis != null) {
            attributes.put(axis.attribute(), new AttributeValue.Text(rng.pick(axis.values())));
        }
        String[] uses = pickUses(category, attributes, rng);
        attributes.put("good_for", new AttributeValue.Texts(List.of(uses)));

        double tier = BRAND_TIERS[(int) Math.floorMod(Rng.hash(brand), 3L)];
        double raw = category.medianPrice() * StrictMath.exp(category.priceSigma() * rng.gaussian() + logPremium + tier);
        Money price = new Money(BigDecimal.valueOf(Prices.charm(raw, digits, rng), digits), config.currency());

        Map<String, String> words = new HashMap<>();
        words.put("brand", brand);
        words.put("model", model);
        words.put("noun", category.noun());
        words.put("use", uses[0]);
        words.put("use2", uses[1]);
        Function<String, String> value = new Function<>() {
            @Override public String apply(String key) {
                String w = words.get(key);
                if (w != null) return w;
                // "{type_lc}" is "{type}" in lower case, for values that read as titles in titles but not mid-sentence.
                if (key.endsWith("_lc")) return apply(key.substring(0, key.length() - 3)).toLowerCase(Locale.ROOT);
                return attributes.get(key).display();
            }
        };
        Function<String, String> bare = key -> attributes.get(key) instanceof AttributeValue.Number n ? number(n.value()) : value.apply(key);

        StringBuilder text = new StringBuilder(96);
        category.title().render(text, value, bare);
        String title = text.toString();
        String description = describe(category, attributes, value, bare, rng);

        String headId = id(start);
        List<Product> family = new ArrayList<>(1 + children);
        family.add(new Product(ProductId.of(headId), null, title, description, brand, category.path(), attributes, price,
                children > 0 ? Map.of() : stock(rng), images(headId, rng), "/store/products/" + headId));
        for (int k = 0; k < children; k++) {
            String childId = id(start + 1 + k);
            String variant = run.get(k);
            Map<String, AttributeValue> own = new LinkedHashMap<>(attributes);
            own.put(axis.attribute(), new AttributeValue.Text(variant));
            family.add(new Product(ProductId.of(childId), ProductId.of(headId), title + ", " + label(axis, variant),
                    description, brand, category.path(), own, price, stock(rng), images(childId, rng),
                    "/store/products/" + childId));
        }
        return family;
    }

    /** Two distinct uses, favouring those the product's attributes earn (maximum cushioning: plantar fasciitis). */
    private static String[] pickUses(CategoryProfile category, Map<String, AttributeValue> attributes, Rng rng) {
        List<CategoryProfile.UseCase> eligible = new ArrayList<>();
        double[] cumulative = new double[category.useCases().size()];
        double total = 0;
        for (CategoryProfile.UseCase use : category.useCases()) {
            boolean open = use.attribute() == null;
            if (!open && !use.values().contains(display(attributes.get(use.attribute())))) continue;
            total += open ? 1 : 3;
            cumulative[eligible.size()] = total;
            eligible.add(use);
        }
        int first = rng.pickCumulative(cumulative, eligible.size());
        int second = first;
        while (second == first) second = rng.pickCumulative(cumulative, eligible.size());
        return new String[] {eligible.get(first).label(), eligible.get(second).label()};
    }

    private static String describe(CategoryProfile category, Map<String, AttributeValue> attributes,
                                   Function<String, String> value, Function<String, String> bare, Rng rng) {
        StringBuilder out = new StringBuilder(512);
        List<CategoryProfile.Sentence> sentences = category.sentences();
        boolean use = false, use2 = false;
        for (int i = 0; i < sentences.size(); i++) {
            CategoryProfile.Sentence s = sentences.get(i);
            if (!holds(s.when(), attributes)) continue;
            List<String> keys = s.text().keys();
            // The opening and the use-case sentences always appear: they carry what search and the assistant need.
            boolean essential = i == 0 || keys.contains("use") || keys.contains("use2");
            if (!essential && !rng.chance(0.75)) continue;
            if (!out.isEmpty()) out.append(' ');
            s.text().render(out, value, bare);
            use |= keys.contains("use");
            use2 |= keys.contains("use2");
        }
        // A use named only in a sentence whose condition failed still belongs in the copy.
        if (!use) USE_FALLBACK.render(out.append(' '), value, bare);
        if (!use2) USE2_FALLBACK.render(out.append(' '), value, bare);
        out.append(' ');
        CLOSERS.get(rng.nextInt(CLOSERS.size())).render(out, value, bare);
        return out.toString();
    }

    /** Whether a sentence condition holds: null, a flag that is true, "name=Value" or "name!=Value". */
    static boolean holds(String when, Map<String, AttributeValue> attributes) {
        if (when == null) return true;
        int ne = when.indexOf("!=");
        if (ne > 0) return !when.substring(ne + 2).equals(display(attributes.get(when.substring(0, ne))));
        int eq = when.indexOf('=');
        if (eq > 0) return when.substring(eq + 1).equals(display(attributes.get(when.substring(0, eq))));
        return attributes.get(when) instanceof AttributeValue.Flag f && f.value();
    }

    private static String display(AttributeValue v) { return v == null ? "" : v.display(); }

    private static String number(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }

    /** How a variant is named after the parent title: "Size M", "EU 42", "Forest Green". */
    private static String label(CategoryProfile.VariantAxis axis, String value) {
        return axis.attribute().equals("size") && value.length() <= 3 ? "Size " + value : value;
    }

    private Map<String, Integer> stock(Rng rng) {
        Map<String, Integer> stock = new LinkedHashMap<>();
        boolean soldOut = rng.chance(SOLD_OUT);
        List<String> locations = config.locations();
        for (int i = 0; i < locations.size(); i++) {
            if (soldOut) {
                stock.put(locations.get(i), 0);
            } else if (i == 0) {
                // The first location is the online warehouse: always listed, usually deepest.
                stock.put(locations.get(i), (int) Math.min(500, Math.round(rng.logNormal(20, 0.9))));
            } else if (rng.chance(0.6)) {
                stock.put(locations.get(i), rng.nextInt(16));
            }
        }
        return stock;
    }

    private static List<String> images(String id, Rng rng) {
        return rng.chance(0.5) ? List.of("/demo-images/" + id + ".svg", "/demo-images/" + id + "-2.svg")
                : List.of("/demo-images/" + id + ".svg");
    }
}
