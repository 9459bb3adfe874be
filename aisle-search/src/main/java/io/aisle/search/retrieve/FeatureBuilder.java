package io.aisle.search.retrieve;

import io.aisle.core.catalog.ProductId;
import io.aisle.core.search.ParsedQuery;
import io.aisle.search.index.Keywords;
import io.aisle.search.index.SearchFields;
import io.aisle.search.rank.RankFeatures;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Computes {@link RankFeatures} and explanation evidence for a few candidates: per-field BM25 by scoring only those
 * documents, term coverage from their postings, the rest from doc values. Cost grows with candidates times fields.
 */
public final class FeatureBuilder {
    private static final List<String> BM25_FIELDS = List.of(SearchFields.TITLE, SearchFields.BRAND, SearchFields.CATEGORY,
            SearchFields.ATTRIBUTES, SearchFields.DESCRIPTION, SearchFields.ALL);
    /** How fast price fit falls outside the range: e^-3 at 100% above the maximum. */
    private static final double PRICE_FALL_OFF = 3;

    private final ToDoubleFunction<ProductId> popularity;
    private final ToDoubleFunction<ProductId> conversion;
    /** Term states of the current reader for the candidates' term checks (the retriever keeps its own). */
    private final TermLookups lookups = new TermLookups();

    /** {@code popularity} and {@code conversion} return NaN for products they know nothing about. */
    public FeatureBuilder(ToDoubleFunction<ProductId> popularity, ToDoubleFunction<ProductId> conversion) {
        this.popularity = popularity;
        this.conversion = conversion;
    }

    /** Evidence for each of {@code docs}, keyed by doc id; {@code fused} holds what retrieval knew of them. */
    public Map<Integer, Evidence> build(IndexSearcher searcher, FeatureQuery query, Collection<Integer> docs,
                                        Map<Integer, Fused> fused) {
        return build(searcher, query, docs, fused, true);
    }

    /**
     * Evidence for explaining hits only: per-field BM25 and the title phrase are left NaN and the similarity is only
     * the vector retriever's, which saves most of the cost for a page of hits nobody re-ranks.
     */
    public Map<Integer, Evidence> explain(IndexSearcher searcher, FeatureQuery query, Collection<Integer> docs,
                                          Map<Integer, Fused> fused) {
        return build(searcher, query, docs, fused, false);
    }

    private Map<Integer, Evidence> build(IndexSearcher searcher, FeatureQuery query, Collection<Integer> docs,
                                         Map<Integer, Fused> fused, boolean full) {
        int[] sorted = docs.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        Map<Integer, Evidence> out = new HashMap<>();
        if (sorted.length == 0) return out;
        DocFacts facts = DocFacts.read(searcher, sorted, full && query.vector() != null);
        float[][] bm25 = new float[BM25_FIELDS.size()][];
        for (int f = 0; f < bm25.length; f++) {
            bm25[f] = full ? CandidateMatcher.scores(searcher, FieldQueries.field(BM25_FIELDS.get(f), query.terms()), sorted)
                    : nans(sorted.length);
        }
        Function<Term, TermStates> states = lookups.states(searcher);
        Map<String, boolean[][]> segments = segmentMatches(searcher, query.terms(), sorted, states);
        boolean[] phrase = full ? CandidateMatcher.matches(searcher, FieldQueries.phrase(SearchFields.TITLE, query.terms()), sorted)
                : new boolean[sorted.length];
        List<Constraint> constraints = query.constraints().all();
        List<boolean[]> met = new ArrayList<>(constraints.size());
        for (Constraint c : constraints) met.add(CandidateMatcher.matches(searcher, c.query(), sorted));
        double[] category = categoryMatch(searcher, query.parsed(), sorted, states);
        for (int i = 0; i < sorted.length; i++) {
            Fused f = fused.get(sorted[i]);
            ProductId id = ProductId.of(facts.ids[i]);
            RankFeatures features = features(query, facts, i, f, bm25, segments, full, phrase[i], constraints, met,
                    category[i], id);
            out.put(sorted[i], new Evidence(id, features, matchedTerms(query.terms(), segments, i), metPhrases(constraints, met, i)));
        }
        return out;
    }

    private RankFeatures features(FeatureQuery q, DocFacts facts, int i, Fused f, float[][] bm25,
                                  Map<String, boolean[][]> segments, boolean full, boolean phrase, List<Constraint> constraints,
                                  List<boolean[]> met, double category, ProductId id) {
        int n = q.terms().size();
        double termCoverage = n == 0 ? Double.NaN : coverage(segments.values(), i, n);
        double titleCoverage = n == 0 ? Double.NaN : coverage(List.<boolean[][]>of(segments.get(SearchFields.TITLE)), i, n);
        double similarity = f != null && !Float.isNaN(f.similarity()) ? f.similarity() : dot(q.vector(), facts.vectors[i]);
        return new RankFeatures(
                bm25(bm25[0][i], full), bm25(bm25[1][i], full), bm25(bm25[2][i], full), bm25(bm25[3][i], full),
                bm25(bm25[4][i], full), bm25(bm25[5][i], full),
                f == null || f.lexicalRank() == 0 ? 0 : 1.0 / f.lexicalRank(),
                f == null || f.vectorRank() == 0 ? 0 : 1.0 / f.vectorRank(),
                similarity,
                f == null ? 0 : f.score(),
                termCoverage, titleCoverage, n == 0 || !full ? Double.NaN : phrase ? 1 : 0,
                brandMatch(q.parsed(), facts.brands[i]),
                category,
                share(constraints, met, i, Constraint.Kind.ATTRIBUTE),
                share(constraints, met, i, Constraint.Kind.NUMERIC, Constraint.Kind.PRICE),
                n, facts.titleTerms[i],
                popularity.applyAsDouble(id), conversion.applyAsDouble(id),
                priceFit(q.priceBounds(), facts.prices[i]),
                facts.stock[i] > 0 ? 1 : 0);
    }

    /** Per text field, per segment, per candidate: whether any alternative path of the segment is in the field. */
    private static Map<String, boolean[][]> segmentMatches(IndexSearcher searcher, QueryTerms terms, int[] docs,
                                                        Function<Term, TermStates> states) {
        Set<String> all = terms.segments().stream().flatMap(s -> s.terms().stream()).collect(Collectors.toSet());
        Map<String, boolean[][]> out = new LinkedHashMap<>();
        for (String field : LexicalQuery.FIELDS.keySet()) {
            Map<String, BitSet> present = CandidateMatcher.terms(searcher, field, all, docs, states);
            boolean[][] m = new boolean[terms.size()][docs.length];
            for (int s = 0; s < terms.size(); s++) {
                for (List<String> path : terms.segments().get(s).paths()) {
                    for (int i = 0; i < docs.length; i++) {
                        if (m[s][i]) continue;
                        boolean every = true;
                        for (String t : path) every &= present.get(t).get(i);
                        m[s][i] = every;
                    }
                }
            }
            out.put(field, m);
        }
        return out;
    }

    private static double coverage(Collection<boolean[][]> fields, int i, int n) {
        int covered = 0;
        for (int s = 0; s < n; s++) {
            for (boolean[][] m : fields) {
                if (m[s][i]) {
                    covered++;
                    break;
                }
            }
        }
        return (double) covered / n;
    }

    private static Map<String, List<String>> matchedTerms(QueryTerms terms, Map<String, boolean[][]> segments, int i) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        segments.forEach((field, m) -> {
            List<String> words = new ArrayList<>();
            for (int s = 0; s < terms.size(); s++) if (m[s][i]) words.add(terms.segments().get(s).display());
            if (!words.isEmpty()) out.put(field, words);
        });
        return out;
    }

    private static List<String> metPhrases(List<Constraint> constraints, List<boolean[]> met, int i) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < constraints.size(); c++) {
            if (met.get(c)[i] != constraints.get(c).exclude()) out.add(constraints.get(c).phrase());
        }
        return out;
    }

    private static double share(List<Constraint> constraints, List<boolean[]> met, int i, Constraint.Kind... kinds) {
        int total = 0;
        int hit = 0;
        for (int c = 0; c < constraints.size(); c++) {
            if (!List.of(kinds).contains(constraints.get(c).kind())) continue;
            total++;
            if (met.get(c)[i]) hit++;
        }
        return total == 0 ? Double.NaN : (double) hit / total;
    }

    private static double brandMatch(ParsedQuery parsed, String brand) {
        if (parsed.brands().isEmpty()) return Double.NaN;
        if (brand == null) return 0;
        String key = Keywords.of(brand);
        return parsed.brands().stream().anyMatch(b -> Keywords.of(b).equals(key)) ? 1 : 0;
    }

    /** The highest confidence of a category intent whose path the product's category path starts with. */
    private static double[] categoryMatch(IndexSearcher searcher, ParsedQuery parsed, int[] docs,
                                          Function<Term, TermStates> states) {
        double[] out = new double[docs.length];
        if (parsed.categories().isEmpty()) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        Map<String, Double> confidence = new HashMap<>();
        for (ParsedQuery.CategoryIntent c : parsed.categories()) {
            if (c.path().isEmpty()) continue;
            confidence.merge(Keywords.of(String.join(" > ", c.path())), c.confidence(), Math::max);
        }
        Map<String, BitSet> present = CandidateMatcher.terms(searcher, SearchFields.CATEGORY_PATH, confidence.keySet(), docs, states);
        present.forEach((path, bits) -> {
            for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) out[i] = Math.max(out[i], confidence.get(path));
        });
        return out;
    }

    private static double priceFit(double[] bounds, double price) {
        if (bounds == null) return Double.NaN;
        if (Double.isNaN(price)) return 0;
        double min = bounds[0];
        double max = bounds[1];
        if (!Double.isNaN(max) && price > max) return Math.exp(-PRICE_FALL_OFF * (price - max) / Math.max(max, 1e-9));
        if (!Double.isNaN(min) && price < min) return Math.exp(-PRICE_FALL_OFF * (min - price) / Math.max(min, 1e-9));
        return 1;
    }

    private static double dot(float[] a, float[] b) {
        if (a == null || b == null || a.length != b.length) return Double.NaN;
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** A field's score, 0 where the field did not match; NaN when not computed (explanation-only evidence). */
    private static double bm25(float v, boolean full) { return !full ? Double.NaN : Float.isNaN(v) ? 0 : v; }

    private static float[] nans(int n) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, Float.NaN);
        return out;
    }
}
