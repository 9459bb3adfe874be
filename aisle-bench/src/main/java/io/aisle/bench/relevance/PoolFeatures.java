package io.aisle.bench.relevance;

import io.aisle.core.catalog.Money;
import io.aisle.core.catalog.Product;
import io.aisle.core.catalog.ProductId;
import io.aisle.embeddings.text.ProductText;
import io.aisle.search.index.SearchFields;
import io.aisle.search.rank.RankFeatures;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The re-ranker's features for every judged pair, with the engine's meaning: each query's judged products are its
 * only candidates. One in-memory Lucene index over all products (English analysis; title, HTML-free description and
 * an all field) gives BM25 per field; the sentence encoder gives query-product cosine similarity over the engine's
 * product text (title, then leading description sentences). Ranks are within the pool; fields this data lacks
 * (brand, category, attributes, behaviour, price, stock) are NaN.
 */
public final class PoolFeatures {
    /** Reciprocal-rank-fusion constant, as in the usual RRF formulation. */
    static final int RRF_K = 60;

    /** Per row: the features, and the plain BM25 (all field) and cosine scores the baselines rank by. */
    public record Result(List<RankFeatures> features, double[] bm25All, double[] vectorSimilarity) {}

    private PoolFeatures() {}

    public static Result compute(List<JudgedPair> rows, VectorCache vectors, Consumer<String> progress) {
        try (Analyzer analyzer = new EnglishAnalyzer()) {
            String[] descriptions = rows.stream().map(r -> TextAnalysis.stripHtml(r.description())).toArray(String[]::new);
            progress.accept("indexing " + rows.size() + " products");
            try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
                index(dir, analyzer, rows, descriptions);
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    int[] rowOfDoc = rowOfDoc(reader);
                    Map<String, List<Integer>> pools = new LinkedHashMap<>();
                    for (int i = 0; i < rows.size(); i++) pools.computeIfAbsent(rows.get(i).query(), q -> new ArrayList<>()).add(i);

                    double[] title = new double[rows.size()];
                    double[] description = new double[rows.size()];
                    double[] all = new double[rows.size()];
                    for (var pool : pools.entrySet()) {
                        List<String> terms = List.copyOf(new LinkedHashSet<>(TextAnalysis.terms(analyzer, SearchFields.ALL, pool.getKey())));
                        bm25(searcher, rowOfDoc, SearchFields.TITLE, terms, pool.getValue(), title);
                        bm25(searcher, rowOfDoc, SearchFields.DESCRIPTION, terms, pool.getValue(), description);
                        bm25(searcher, rowOfDoc, SearchFields.ALL, terms, pool.getValue(), all);
                    }
                    double[] cosine = cosines(rows, descriptions, pools, vectors, progress);
                    return new Result(assemble(rows, descriptions, pools, analyzer, title, description, all, cosine), all, cosine);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    private static void index(ByteBuffersDirectory dir, Analyzer analyzer, List<JudgedPair> rows, String[] descriptions) throws IOException {
        try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < rows.size(); i++) {
                JudgedPair r = rows.get(i);
                Document doc = new Document();
                doc.add(new StringField(SearchFields.ID, String.valueOf(i), Field.Store.NO));
                doc.add(new StoredField("row", i));
                doc.add(new TextField(SearchFields.TITLE, r.title(), Field.Store.NO));
                doc.add(new TextField(SearchFields.DESCRIPTION, descriptions[i], Field.Store.NO));
                doc.add(new TextField(SearchFields.ALL, r.title() + "\n" + descriptions[i], Field.Store.NO));
                writer.addDocument(doc);
            }
        }
    }

    private static int[] rowOfDoc(DirectoryReader reader) throws IOException {
        int[] out = new int[reader.maxDoc()];
        StoredFields stored = reader.storedFields();
        for (int d = 0; d < out.length; d++) out[d] = stored.document(d).getField("row").numericValue().intValue();
        return out;
    }

    /** BM25 of the query terms (any may match) in {@code field}, for the pool's documents only; 0 when none matched. */
    private static void bm25(IndexSearcher searcher, int[] rowOfDoc, String field, List<String> terms, List<Integer> pool,
                             double[] into) throws IOException {
        if (terms.isEmpty()) return;
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (String t : terms) text.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
        List<BytesRef> ids = pool.stream().map(i -> new BytesRef(String.valueOf(i))).toList();
        BooleanQuery query = new BooleanQuery.Builder()
                .add(text.build(), BooleanClause.Occur.MUST)
                .add(new TermInSetQuery(SearchFields.ID, ids), BooleanClause.Occur.FILTER)
                .build();
        for (ScoreDoc hit : searcher.search(query, pool.size()).scoreDocs) into[rowOfDoc[hit.doc]] = hit.score;
    }

    private static double[] cosines(List<JudgedPair> rows, String[] descriptions, Map<String, List<Integer>> pools,
                                    VectorCache vectors, Consumer<String> progress) {
        List<String> queries = new ArrayList<>(pools.keySet());
        List<String> texts = new ArrayList<>(queries);
        for (int i = 0; i < rows.size(); i++) texts.add(productText(rows.get(i), descriptions[i]));
        List<float[]> v = vectors.vectors(texts.stream().map(t -> t.isBlank() ? "(empty)" : t).toList());
        Map<String, float[]> queryVector = new LinkedHashMap<>();
        for (int q = 0; q < queries.size(); q++) queryVector.put(queries.get(q), v.get(q));
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) out[i] = dot(queryVector.get(rows.get(i).query()), v.get(queries.size() + i));
        progress.accept("vectors ready");
        return out;
    }

    /** The engine's product text recipe, from what this data has: title and description. */
    static String productText(JudgedPair row, String plainDescription) {
        Product p = new Product(ProductId.of(row.id()), null, row.title(), plainDescription, null, List.of(), Map.of(),
                Money.of("0", "USD"), Map.of(), List.of(), null);
        return ProductText.defaults().of(p);
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * (double) b[i];
        return s;
    }

    private static List<RankFeatures> assemble(List<JudgedPair> rows, String[] descriptions, Map<String, List<Integer>> pools,
                                               Analyzer analyzer, double[] title, double[] description, double[] all,
                                               double[] cosine) {
        double[] lexicalRank = new double[rows.size()];
        double[] vectorRank = new double[rows.size()];
        for (List<Integer> pool : pools.values()) {
            reciprocalRanks(pool, all, true, lexicalRank);
            reciprocalRanks(pool, cosine, false, vectorRank);
        }
        Map<String, List<String>> queryTerms = new LinkedHashMap<>();
        List<RankFeatures> out = new ArrayList<>(rows.size());
        double nan = Double.NaN;
        for (int i = 0; i < rows.size(); i++) {
            JudgedPair r = rows.get(i);
            List<String> q = queryTerms.computeIfAbsent(r.query(), s -> TextAnalysis.terms(analyzer, SearchFields.ALL, s));
            List<String> t = TextAnalysis.terms(analyzer, SearchFields.TITLE, r.title());
            Set<String> titleSet = new HashSet<>(t);
            Set<String> anySet = new HashSet<>(t);
            anySet.addAll(TextAnalysis.terms(analyzer, SearchFields.DESCRIPTION, descriptions[i]));
            Set<String> unique = new LinkedHashSet<>(q);
            double termCoverage = unique.isEmpty() ? nan : unique.stream().filter(anySet::contains).count() / (double) unique.size();
            double titleCoverage = unique.isEmpty() ? nan : unique.stream().filter(titleSet::contains).count() / (double) unique.size();
            double fused = (lexicalRank[i] > 0 ? 1.0 / (RRF_K + 1 / lexicalRank[i]) : 0) + 1.0 / (RRF_K + 1 / vectorRank[i]);
            out.add(new RankFeatures(title[i], nan, nan, nan, description[i], all[i], lexicalRank[i], vectorRank[i],
                    cosine[i], fused, termCoverage, titleCoverage, phrase(q, t) ? 1 : 0, nan, nan, nan, nan,
                    q.size(), t.size(), nan, nan, nan, nan));
        }
        return out;
    }

    /**
     * 1 / rank within the pool by descending score (ties by row); with {@code matchedOnly}, rows scoring 0 were not
     * returned by the retriever and get 0.
     */
    private static void reciprocalRanks(List<Integer> pool, double[] score, boolean matchedOnly, double[] into) {
        List<Integer> order = pool.stream().filter(i -> !matchedOnly || score[i] > 0)
                .sorted(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i)).toList();
        for (int rank = 0; rank < order.size(); rank++) into[order.get(rank)] = 1.0 / (rank + 1);
    }

    /** Whether the query's terms occur in the title in order and adjacent. */
    static boolean phrase(List<String> query, List<String> title) {
        if (query.isEmpty() || query.size() > title.size()) return false;
        return IntStream.rangeClosed(0, title.size() - query.size())
                .anyMatch(s -> title.subList(s, s + query.size()).equals(query));
    }
}
