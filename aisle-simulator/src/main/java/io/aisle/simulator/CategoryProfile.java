package io.aisle.simulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the simulator knows about one category: how its products look (brands, attributes, prices, copy) and
 * how shoppers approach it (search words, seasons, quantities, returns).
 *
 * @param share          relative number of products in the catalogue
 * @param noun           singular noun for titles ("Laptop")
 * @param queryNouns     words shoppers type for the category ("laptop", "notebook")
 * @param queryModifiers attribute phrases shoppers add to queries ("16gb ram")
 * @param months         demand weight per calendar month, January first; 1 is an average month
 * @param maxQuantity    most units of one product in a basket (consumables sell by several)
 * @param brandWeights   cumulative Zipf weights over {@code brands}: the first brands are the big names
 */
record CategoryProfile(
        List<String> path,
        double share,
        String noun,
        List<String> queryNouns,
        List<String> brands,
        List<String> modelStems,
        List<String> modelSuffixes,
        List<AttributeSpec> attributes,
        double medianPrice,
        double priceSigma,
        Template title,
        List<Sentence> sentences,
        List<UseCase> useCases,
        VariantAxis variants,
        double variantShare,
        double[] months,
        List<String> queryModifiers,
        int maxQuantity,
        double refundRate,
        double[] brandWeights) {

    /** The path joined as shops show it: "Shoes > Running Shoes". */
    String key() { return String.join(" > ", path); }

    /** A copy sentence, used when {@code when} holds: null, a true flag name, or "attribute=Value". */
    record Sentence(String when, Template text) {}

    /** A use a product is good for ("plantar fasciitis"), only offered when {@code attribute} has one of {@code values}. */
    record UseCase(String label, String attribute, List<String> values) {}

    /** The attribute a product family varies by; each child takes one value, in order, from a run of these. */
    record VariantAxis(String attribute, List<String> values) {}

    static Builder at(String... path) { return new Builder(List.of(path)); }

    private static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1 / StrictMath.pow(i + 1, exponent);
            cumulative[i] = total;
        }
        return cumulative;
    }

    /** Fluent definition of a category, checked by {@link #build()} so a typo in a template fails at startup. */
    static final class Builder {
        private final List<String> path;
        private double share = 1;
        private String noun;
        private List<String> queryNouns = List.of();
        private List<String> brands = List.of();
        private List<String> stems = List.of();
        private List<String> suffixes = List.of("");
        private final List<AttributeSpec> attributes = new ArrayList<>();
        private double median = 50;
        private double sigma = 0.35;
        private String title;
        private final List<Sentence> sentences = new ArrayList<>();
        private final List<UseCase> useCases = new ArrayList<>();
        private VariantAxis variants;
        private double variantShare;
        private double[] months = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        private List<String> modifiers = List.of();
        private int maxQuantity = 1;
        private double refundRate = 0.05;

        private Builder(List<String> path) { this.path = path; }

        Builder share(double share) { this.share = share; return this; }
        Builder noun(String noun, String... queryNouns) { this.noun = noun; this.queryNouns = List.of(queryNouns); return this; }
        Builder brands(String... brands) { this.brands = List.of(brands); return this; }
        Builder models(List<String> stems, List<String> suffixes) { this.stems = stems; this.suffixes = suffixes; return this; }
        Builder price(double median, double sigma) { this.median = median; this.sigma = sigma; return this; }
        Builder title(String template) { this.title = template; return this; }
        Builder months(double... weights) { this.months = weights.clone(); return this; }
        Builder modifiers(String... phrases) { this.modifiers = List.of(phrases); return this; }
        Builder quantity(int max) { this.maxQuantity = max; return this; }
        Builder refunds(double rate) { this.refundRate = rate; return this; }

        Builder choice(String name, double premium, String... values) {
            attributes.add(new AttributeSpec.Choice(name, List.of(values), premium, false));
            return this;
        }

        /** A choice whose earlier values are more common, as colours are. */
        Builder common(String name, String... values) {
            attributes.add(new AttributeSpec.Choice(name, List.of(values), 0, true));
            return this;
        }

        Builder numbers(String name, String unit, double premium, double... values) {
            attributes.add(new AttributeSpec.Numbers(name, unit, values, premium));
            return this;
        }

        Builder range(String name, String unit, double min, double max, int decimals, double premium) {
            attributes.add(new AttributeSpec.Range(name, unit, min, max, decimals, premium));
            return this;
        }

        Builder flag(String name, double likelihood, double premium) {
            attributes.add(new AttributeSpec.Flag(name, likelihood, premium));
            return this;
        }

        Builder sentence(String text) { return sentence(null, text); }

        Builder sentence(String when, String text) { sentences.add(new Sentence(when, Template.of(text))); return this; }

        Builder use(String label) { useCases.add(new UseCase(label, null, List.of())); return this; }

        /** A use offered only when {@code attribute} has one of {@code values}. */
        Builder use(String label, String attribute, String... values) {
            useCases.add(new UseCase(label, attribute, List.of(values)));
            return this;
        }

        Builder variants(double share, String attribute, String... values) {
            this.variants = new VariantAxis(attribute, List.of(values));
            this.variantShare = share;
            return this;
        }

        CategoryProfile build() {
            Set<String> known = new HashSet<>(Set.of("brand", "model", "noun", "use", "use2"));
            attributes.forEach(a -> known.add(a.name()));
            if (variants != null) known.add(variants.attribute());
            List<Template> templates = new ArrayList<>();
            templates.add(Template.of(title));
            sentences.forEach(s -> templates.add(s.text()));
            for (Template t : templates) {
                for (String key : t.keys()) {
                    String base = key.endsWith("_lc") ? key.substring(0, key.length() - 3) : key;
                    if (!known.contains(base)) throw new IllegalStateException(path + ": template names unknown '" + key + "'");
                }
            }
            if (variants != null && Template.of(title).keys().contains(variants.attribute())) {
                throw new IllegalStateException(path + ": the title must not name the variant attribute; children append it");
            }
            // Every product names two uses in its copy, so two must be open to any product.
            long openUses = useCases.stream().filter(u -> u.attribute() == null).count();
            if (brands.isEmpty() || stems.isEmpty() || noun == null || openUses < 2 || sentences.isEmpty()) {
                throw new IllegalStateException(path + ": needs brands, model stems, a noun, two unconditional uses and a sentence");
            }
            if (months.length != 12) throw new IllegalStateException(path + ": needs 12 month weights");
            return new CategoryProfile(path, share, noun, queryNouns, brands, stems, suffixes, List.copyOf(attributes),
                    median, sigma, Template.of(title), List.copyOf(sentences), List.copyOf(useCases), variants,
                    variantShare, months, modifiers, maxQuantity, refundRate, zipf(brands.size(), 0.6));
        }
    }
}
