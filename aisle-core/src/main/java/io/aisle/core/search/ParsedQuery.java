package io.aisle.core.search;

import java.util.List;

/**
 * What search understood of a query text; returned with the results so callers (and the assistant) can show and
 * reuse it.
 *
 * @param original    the text as sent
 * @param text        the free text searched for, after spelling correction and with numeric constraints and
 *                    negations taken out (may be empty: "under $50"); brands and attribute values stay in it
 * @param brands      brands named, in the catalogue's spelling (they raise matching products, never filter)
 * @param correction  the corrected full query when spelling was corrected ("did you mean"), else null
 * @param terms       the normalised terms of {@code text}
 * @param attributes  attribute values named ("colour = red"), in the catalogue's spelling (soft, like brands)
 * @param numeric     numeric constraints ("price <= 2000", "memory >= 16 GB")
 * @param excluded    what the shopper does not want ("bluetooth" from "without bluetooth")
 * @param categories  likely categories, most likely first
 * @param useCases    use-case phrases and the attribute values the vectors mapped them to
 */
public record ParsedQuery(
        String original,
        String text,
        String correction,
        List<String> terms,
        List<String> brands,
        List<AttributeConstraint> attributes,
        List<NumericConstraint> numeric,
        List<String> excluded,
        List<CategoryIntent> categories,
        List<UseCase> useCases) {

    public ParsedQuery {
        terms = List.copyOf(terms);
        brands = List.copyOf(brands);
        attributes = List.copyOf(attributes);
        numeric = List.copyOf(numeric);
        excluded = List.copyOf(excluded);
        categories = List.copyOf(categories);
        useCases = List.copyOf(useCases);
    }

    /** A query understood as plain text only. */
    public static ParsedQuery plain(String original, List<String> terms) {
        return new ParsedQuery(original, original, null, terms, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** An attribute the products must have, with one of {@code values}; {@code phrase} is the query text it came from. */
    public record AttributeConstraint(String attribute, List<String> values, String phrase) {
        public AttributeConstraint { values = List.copyOf(values); }
    }

    /**
     * A bound on a number: {@code attribute} is "price" or a numeric attribute name; null bounds are open; units are
     * normalised ("16gb", "16 GB" and "16 gigabytes" all give 16 with unit "GB").
     */
    public record NumericConstraint(String attribute, Double min, Double max, String unit, String phrase) {}

    /** A category the query likely means, with a confidence in [0, 1]. */
    public record CategoryIntent(List<String> path, double confidence) {
        public CategoryIntent { path = List.copyOf(path); }
    }

    /** A use-case phrase ("video editing") and the attribute values nearest to it in vector space. */
    public record UseCase(String phrase, List<AttributeConstraint> suggests, double similarity) {
        public UseCase { suggests = List.copyOf(suggests); }
    }
}
