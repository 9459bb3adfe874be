package io.aisle.search.retrieve;

import io.aisle.search.query.Units;

import io.aisle.core.search.ParsedQuery;
import io.aisle.core.search.SearchRequest;
import io.aisle.search.index.Keywords;
import io.aisle.search.index.SearchFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The filters of one search: the request's facet selections, price bounds and stock, and what the query text asked. */
public record Constraints(List<Constraint> all) {
    /** Most values one facet filter may select. */
    private static final int MAX_VALUES = 100;

    public Constraints { all = List.copyOf(all); }

    public static Constraints of(SearchRequest request, ParsedQuery parsed, Analyzer plain) {
        List<Constraint> out = new ArrayList<>();
        request.filters().forEach((facet, values) -> {
            Query q = facetFilter(facet, values);
            if (q != null) out.add(new Constraint(Constraint.Kind.REQUEST, facet + ": " + String.join(" or ", values), q, false));
        });
        if (request.minPrice() != null || request.maxPrice() != null) {
            out.add(new Constraint(Constraint.Kind.REQUEST, priceRange(request.minPrice(), request.maxPrice()),
                    range(SearchFields.PRICE, request.minPrice(), request.maxPrice()), false));
        }
        if (request.inStockOnly()) {
            out.add(new Constraint(Constraint.Kind.REQUEST, "in stock", LongField.newRangeQuery(SearchFields.STOCK, 1, Long.MAX_VALUE), false));
        }
        if (!parsed.brands().isEmpty()) {
            out.add(new Constraint(Constraint.Kind.BRAND, "brand: " + String.join(" or ", parsed.brands()),
                    anyOf(SearchFields.BRAND_KEY, parsed.brands()), false));
        }
        for (ParsedQuery.AttributeConstraint a : parsed.attributes()) {
            if (a.values().isEmpty()) continue;
            out.add(new Constraint(Constraint.Kind.ATTRIBUTE, orElse(a.phrase(), a.attribute() + ": " + String.join(" or ", a.values())),
                    anyOf(SearchFields.FACET_ATTRIBUTE_PREFIX + attributeKey(a.attribute()), a.values()), false));
        }
        for (ParsedQuery.NumericConstraint n : parsed.numeric()) {
            Constraint c = numeric(n);
            if (c != null) out.add(c);
        }
        for (String excluded : parsed.excluded()) {
            Query q = excluded(excluded, plain);
            if (q != null) out.add(new Constraint(Constraint.Kind.EXCLUDED, "not " + excluded, q, true));
        }
        return new Constraints(out);
    }

    public static Constraints none() { return new Constraints(List.of()); }

    public boolean isEmpty() { return all.isEmpty(); }

    /** The soft constraints as boosts: matching products rise, nothing is filtered. */
    public List<Query> boosts(float weight) {
        List<Query> out = new ArrayList<>();
        for (Constraint c : all) {
            if (c.soft()) out.add(new org.apache.lucene.search.BoostQuery(new org.apache.lucene.search.ConstantScoreQuery(c.query()), weight));
        }
        return out;
    }

    /** All constraints as one filter (matching every product when there are only negations), or null when none. */
    public Query filter() {
        if (all.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        boolean any = false;
        for (Constraint c : all) {
            if (c.soft()) continue;
            b.add(c.query(), c.exclude() ? BooleanClause.Occur.MUST_NOT : BooleanClause.Occur.FILTER);
            positive |= !c.exclude();
            any = true;
        }
        if (!any) return null;
        if (!positive) b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        return b.build();
    }

    /** The constraints that may be dropped, weakest first. */
    public List<Constraint> relaxable() {
        return all.stream().filter(Constraint::relaxable).sorted(Comparator.comparing(Constraint::kind)).toList();
    }

    public Constraints without(Constraint c) {
        List<Constraint> rest = new ArrayList<>(all);
        rest.remove(c);
        return new Constraints(rest);
    }

    /** The query's price bounds (request and text together), or null when it has none: [min or NaN, max or NaN]. */
    public static double[] priceBounds(SearchRequest request, ParsedQuery parsed) {
        double min = request.minPrice() == null ? Double.NaN : request.minPrice();
        double max = request.maxPrice() == null ? Double.NaN : request.maxPrice();
        for (ParsedQuery.NumericConstraint n : parsed.numeric()) {
            if (!isPrice(n)) continue;
            if (n.min() != null) min = Double.isNaN(min) ? n.min() : Math.max(min, n.min());
            if (n.max() != null) max = Double.isNaN(max) ? n.max() : Math.min(max, n.max());
        }
        return Double.isNaN(min) && Double.isNaN(max) ? null : new double[] {min, max};
    }

    private static Constraint numeric(ParsedQuery.NumericConstraint n) {
        if (n.min() == null && n.max() == null || n.attribute() == null || n.attribute().isBlank()) return null;
        if (isPrice(n)) {
            return new Constraint(Constraint.Kind.PRICE, orElse(n.phrase(), priceRange(n.min(), n.max())),
                    range(SearchFields.PRICE, n.min(), n.max()), false);
        }
        Double min = n.min() == null ? null : Units.toBase(n.min(), n.unit());
        Double max = n.max() == null ? null : Units.toBase(n.max(), n.unit());
        String unit = n.unit() == null ? "" : " " + n.unit();
        String phrase = orElse(n.phrase(), n.attribute() + (n.min() != null ? " >= " + n.min() : "")
                + (n.max() != null ? " <= " + n.max() : "") + unit);
        return new Constraint(Constraint.Kind.NUMERIC, phrase,
                range(SearchFields.NUMERIC_PREFIX + attributeKey(n.attribute()), min, max), false);
    }

    private static boolean isPrice(ParsedQuery.NumericConstraint n) {
        return n.attribute() != null && n.attribute().strip().equalsIgnoreCase("price");
    }

    private static Query facetFilter(String facet, List<String> values) {
        if (values.isEmpty()) return null;
        String name = facet.strip().toLowerCase(Locale.ROOT);
        if (name.equals("brand")) return anyOf(SearchFields.BRAND_KEY, values);
        if (name.equals("category")) {
            List<String> leaves = values.stream().filter(v -> !v.contains(">")).toList();
            List<String> paths = values.stream().filter(v -> v.contains(">")).map(v -> v.replaceAll("\\s*>\\s*", " > ")).toList();
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            if (!leaves.isEmpty()) b.add(anyOf(SearchFields.CATEGORY_KEY, leaves), BooleanClause.Occur.SHOULD);
            if (!paths.isEmpty()) b.add(anyOf(SearchFields.CATEGORY_PATH, paths), BooleanClause.Occur.SHOULD);
            return b.build();
        }
        return anyOf(SearchFields.FACET_ATTRIBUTE_PREFIX + attributeKey(facet), values);
    }

    /** Products whose keyword {@code field} holds any of {@code values} (compared lower-cased). */
    static Query anyOf(String field, Collection<String> values) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        values.stream().map(Keywords::of).distinct().limit(MAX_VALUES)
                .forEach(v -> b.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD));
        return b.build();
    }

    private static Query range(String field, Double min, Double max) {
        return DoubleField.newRangeQuery(field, min == null ? Double.NEGATIVE_INFINITY : min,
                max == null ? Double.POSITIVE_INFINITY : max);
    }

    /** Products naming {@code phrase} anywhere in their text, or with it as a true flag attribute. */
    private static Query excluded(String phrase, Analyzer plain) {
        List<String> words = QueryTerms.analyse(plain, phrase).originalTerms();
        if (words.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (words.size() == 1) {
            b.add(new TermQuery(new Term(SearchFields.ALL, words.get(0))), BooleanClause.Occur.SHOULD);
        } else {
            b.add(new PhraseQuery(SearchFields.ALL, words.toArray(String[]::new)), BooleanClause.Occur.SHOULD);
        }
        b.add(new TermQuery(new Term(SearchFields.FACET_ATTRIBUTE_PREFIX + attributeKey(phrase), "yes")), BooleanClause.Occur.SHOULD);
        return b.build();
    }

    private static String priceRange(Double min, Double max) {
        if (min != null && max != null) return "price " + plain(min) + " to " + plain(max);
        return min != null ? "price from " + plain(min) : "price up to " + plain(max);
    }

    private static String plain(double v) { return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v); }

    private static String attributeKey(String name) { return Keywords.attribute(name); }

    private static String orElse(String phrase, String fallback) { return phrase == null || phrase.isBlank() ? fallback : phrase; }

}
