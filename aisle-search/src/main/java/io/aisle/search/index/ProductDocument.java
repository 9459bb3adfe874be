package io.aisle.search.index;

import io.aisle.search.query.Units;

import io.aisle.core.catalog.AttributeValue;
import io.aisle.core.catalog.Product;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a product into its Lucene document (the field layout is described in {@link SearchFields}). */
final class ProductDocument {
    /** Separates an attribute's name from its value in {@link SearchFields#FACET_ATTRIBUTES}. */
    static final char FACET_SEPARATOR = '\u001F';
    private static final int MAX_FACET_VALUE = 64;
    private static final int MAX_SUGGEST_TITLE = 120;
    /** Longer keywords are left out of filters and facets (Lucene refuses terms over 32 KB; nobody filters on essays). */
    private static final int MAX_KEYWORD = 256;

    private final Analyzer titleAnalyzer;

    ProductDocument(Analyzers analyzers) { this.titleAnalyzer = analyzers.plain(); }

    Document build(Product p, float[] vector, double popularity) {
        Document doc = new Document();
        doc.add(new KeywordField(SearchFields.ID, p.id().value(), Field.Store.YES));
        doc.add(new TextField(SearchFields.TITLE, p.title(), Field.Store.YES));
        doc.add(new NumericDocValuesField(SearchFields.TITLE_TERMS, countTerms(p.title())));
        doc.add(suggestTerm(SearchFields.SUGGEST_TITLE, cut(p.title().strip(), MAX_SUGGEST_TITLE)));
        String brand = p.brand() == null ? "" : p.brand().strip();
        if (!brand.isEmpty()) doc.add(new TextField(SearchFields.BRAND, brand, Field.Store.YES));
        if (!brand.isEmpty() && brand.length() <= MAX_KEYWORD) {
            doc.add(new StringField(SearchFields.BRAND_KEY, key(brand), Field.Store.NO));
            doc.add(new SortedSetDocValuesField(SearchFields.FACET_BRAND, new BytesRef(brand)));
            doc.add(suggestTerm(SearchFields.SUGGEST_BRAND, brand));
        }
        addCategory(doc, p.categoryPath());
        String attributes = addAttributes(doc, p.attributes());
        doc.add(new TextField(SearchFields.DESCRIPTION, p.description(), Field.Store.NO));
        String category = String.join(" ", p.categoryPath());
        doc.add(new TextField(SearchFields.ALL,
                String.join("\n", p.title(), brand, category, attributes, p.description()), Field.Store.NO));
        doc.add(new TextField(SearchFields.SPELL,
                String.join("\n", p.title(), brand, category, attributeValues(p.attributes())), Field.Store.NO));
        doc.add(new DoubleField(SearchFields.PRICE, p.price().amount().doubleValue(), Field.Store.NO));
        doc.add(new StoredField(SearchFields.PRICE_STORED, p.price().toString()));
        doc.add(new LongField(SearchFields.STOCK, p.totalStock(), Field.Store.NO));
        doc.add(new NumericDocValuesField(SearchFields.POPULARITY, encodePopularity(popularity)));
        float[] unit = unitVector(vector);
        if (unit != null) doc.add(new KnnFloatVectorField(SearchFields.VECTOR, unit, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    static long encodePopularity(double popularity) {
        return NumericUtils.doubleToSortableLong(Double.isFinite(popularity) ? popularity : 0);
    }

    private static String key(String value) { return Keywords.of(value); }

    private void addCategory(Document doc, List<String> path) {
        if (path.isEmpty()) return;
        doc.add(new TextField(SearchFields.CATEGORY, String.join(" ", path), Field.Store.NO));
        String leaf = cut(path.get(path.size() - 1).strip(), MAX_KEYWORD);
        doc.add(new StringField(SearchFields.CATEGORY_KEY, key(leaf), Field.Store.NO));
        doc.add(new SortedSetDocValuesField(SearchFields.FACET_CATEGORY, new BytesRef(leaf)));
        doc.add(suggestTerm(SearchFields.SUGGEST_CATEGORY, leaf));
        for (int i = 1; i <= path.size(); i++) {
            String prefix = key(String.join(" > ", path.subList(0, i)));
            if (prefix.length() <= 4 * MAX_KEYWORD) doc.add(new StringField(SearchFields.CATEGORY_PATH, prefix, Field.Store.NO));
        }
    }

    /** Adds keyword, facet and numeric fields of every attribute; returns their "name value" text. */
    private static String addAttributes(Document doc, Map<String, AttributeValue> attributes) {
        List<String> text = new ArrayList<>();
        for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
            String name = Keywords.attribute(e.getKey());
            if (name.isEmpty()) continue;
            String words = name.replace('_', ' ');
            String keyword = SearchFields.FACET_ATTRIBUTE_PREFIX + name;
            List<String> values = switch (e.getValue()) {
                case AttributeValue.Texts ts -> ts.values();
                case AttributeValue.Flag f -> List.of(f.value() ? "yes" : "no");
                case AttributeValue v -> List.of(v.display());
            };
            for (String value : values) {
                if (value.isBlank() || value.length() > MAX_KEYWORD) continue;
                doc.add(new StringField(keyword, key(value), Field.Store.NO));
                if (facetable(e.getValue(), value)) {
                    doc.add(new SortedSetDocValuesField(SearchFields.FACET_ATTRIBUTES,
                            new BytesRef(name + FACET_SEPARATOR + value.strip())));
                }
            }
            switch (e.getValue()) {
                case AttributeValue.Flag f -> { if (f.value()) text.add(words); }
                case AttributeValue.Number n -> {
                    doc.add(new DoubleField(SearchFields.NUMERIC_PREFIX + name, Units.toBase(n.value(), n.unit()),
                            Field.Store.NO));
                    text.add(words + " " + n.display());
                }
                case AttributeValue v -> text.add(words + " " + v.display());
            }
        }
        return String.join("\n", text);
    }

    /** Short values only, and numbers with at most one decimal: weights like "1.37 kg" would make useless facets. */
    private static boolean facetable(AttributeValue value, String display) {
        if (display.length() > MAX_FACET_VALUE) return false;
        if (!(value instanceof AttributeValue.Number n)) return true;
        return Math.abs(n.value() * 10 - Math.rint(n.value() * 10)) < 1e-9;
    }

    private static String attributeValues(Map<String, AttributeValue> attributes) {
        List<String> out = new ArrayList<>();
        for (AttributeValue v : attributes.values()) {
            if (!(v instanceof AttributeValue.Flag)) out.add(v.display());
        }
        return String.join("\n", out);
    }

    private static StringField suggestTerm(String field, String display) {
        return new StringField(field, key(display) + '\u0000' + display.strip(), Field.Store.NO);
    }

    private int countTerms(String title) {
        int n = 0;
        try (TokenStream ts = titleAnalyzer.tokenStream(SearchFields.TITLE, title)) {
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) if (inc.getPositionIncrement() > 0) n++;
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /** The vector scaled to unit length (dot product needs it), or null when missing, empty or not finite. */
    private static float[] unitVector(float[] v) {
        if (v == null || v.length == 0) return null;
        double sum = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) return null;
            sum += (double) x * x;
        }
        if (sum == 0) return null;
        double norm = Math.sqrt(sum);
        if (Math.abs(norm - 1) < 1e-4) return v;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }

    private static String cut(String s, int max) { return s.length() <= max ? s : s.substring(0, max); }
}
