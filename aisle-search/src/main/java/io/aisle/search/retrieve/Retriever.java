package io.aisle.search.retrieve;

import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchSort;
import io.aisle.search.index.SearchFields;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the lexical and vector retrievers under the same filter and fuses their lists by reciprocal rank:
 * {@code sum 1 / (k + rank)}. A query without words browses the filtered products, most popular first.
 * Thread-safe: the only state it keeps is the term lookups of the current index reader ({@link TermLookups}).
 */
public final class Retriever {
    /** How many of the lexical head the fielded query re-orders. */
    static final int RESCORED = 40;

    private final int lexicalDepth;
    private final int vectorDepth;
    private final int rrfK;
    private final double minSimilarity;
    private final double similarityMargin;
    private final TermLookups lookups = new TermLookups();

    /**
     * @param lexicalDepth     how many BM25 results take part in fusion
     * @param vectorDepth      how many nearest neighbours take part in fusion
     * @param rrfK             the fusion constant (60 is the usual choice)
     * @param minSimilarity    neighbours less similar than this are not results at all
     * @param similarityMargin neighbours further than this below the best one are not results either
     */
    public Retriever(int lexicalDepth, int vectorDepth, int rrfK, double minSimilarity, double similarityMargin) {
        this.lexicalDepth = lexicalDepth;
        this.vectorDepth = vectorDepth;
        this.rrfK = rrfK;
        this.minSimilarity = minSimilarity;
        this.similarityMargin = similarityMargin;
    }

    /**
     * Retrieves for one query.
     *
     * @param boosts optional clauses that raise matching products without adding matches (category intents, uses)
     * @param vector the query's unit vector, or null for lexical retrieval only
     * @param depth  at least this many fused results when the index has them (for deep pages)
     */
    public Retrieval retrieve(IndexSearcher searcher, QueryTerms terms, List<Query> boosts, Constraints constraints,
                              SearchMode mode, float[] vector, int depth) {
        try {
            Query filter = constraints.filter();
            boolean useVector = vector != null && mode != SearchMode.LEXICAL && hasVectors(searcher, vector.length);
            boolean useLexical = mode != SearchMode.VECTOR || !useVector;
            Lexical lexical = useLexical
                    ? lexical(searcher, terms, boosts, filter, Math.max(lexicalDepth, depth))
                    : new Lexical(new FixedBitSet(Math.max(1, searcher.getIndexReader().maxDoc())), List.of(), 0);
            List<Ranked> vectorList = useVector
                    ? vector(searcher, vector, filter, mode == SearchMode.VECTOR ? Math.max(vectorDepth, depth) : vectorDepth)
                    : List.of();
            FixedBitSet matches = lexical.matches();
            for (Ranked r : vectorList) matches.set(r.doc());
            return new Retrieval(lexical.ranked(), lexical.total(), vectorList, fuse(lexical.ranked(), vectorList), matches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lexical matches, the best of them, and how many there are. */
    private record Lexical(FixedBitSet matches, List<Ranked> ranked, long total) {}

    /**
     * One pass over the matches (the query's words in the one combined field, most of them in longer queries, under
     * the filter) collects both the match set, for facets and totals, and the head of the ranking: BM25 over that
     * field as a bag of words plus the boosts. Then the first {@link #RESCORED} are re-ordered by the fielded query.
     */
    private Lexical lexical(IndexSearcher searcher, QueryTerms terms, List<Query> boosts, Query filter, int depth)
            throws IOException {
        if (terms.isEmpty()) {
            FixedBitSet all = collect(searcher, filter == null ? new MatchAllDocsQuery() : filter);
            return new Lexical(all, browse(searcher, all, depth), all.cardinality());
        }
        LexicalQuery lexical = new LexicalQuery(terms, searcher, lookups);
        MatchRankCollector.Result found = matchAndRank(searcher, withFilter(lexical.matching(false), boosts, filter), depth);
        if (found.matches().cardinality() == 0 && terms.size() > 1) {
            // Nothing had enough of the words: settle for products with any of them.
            found = matchAndRank(searcher, withFilter(lexical.matching(true), boosts, filter), depth);
        }
        long total = found.matches().cardinality();
        if (total == 0) return new Lexical(found.matches(), List.of(), 0);
        return new Lexical(found.matches(), rescore(searcher, lexical, boosts, found.top()), total);
    }

    /** Every match of {@code query} and the best {@code depth} of those scoring above 0. */
    private static MatchRankCollector.Result matchAndRank(IndexSearcher searcher, Query query, int depth) throws IOException {
        return searcher.search(query, MatchRankCollector.manager(searcher.getIndexReader().maxDoc(), depth));
    }

    /** The head re-ordered by the fielded BM25 query; the rest keeps its order after it. */
    private static List<Ranked> rescore(IndexSearcher searcher, LexicalQuery lexical, List<Query> boosts, List<Ranked> ranked) {
        int n = Math.min(RESCORED, ranked.size());
        int[] docs = ranked.subList(0, n).stream().mapToInt(Ranked::doc).sorted().toArray();
        float[] scores = CandidateMatcher.scores(searcher, withFilter(lexical.fielded(true), boosts, null), docs);
        Map<Integer, Float> byDoc = new HashMap<>();
        for (int i = 0; i < docs.length; i++) byDoc.put(docs[i], Float.isNaN(scores[i]) ? 0f : scores[i]);
        List<Ranked> head = new ArrayList<>(n);
        for (Ranked r : ranked.subList(0, n)) head.add(new Ranked(r.doc(), byDoc.get(r.doc())));
        head.sort((a, b) -> Float.compare(b.score(), a.score()));
        List<Ranked> out = new ArrayList<>(ranked.size());
        out.addAll(head);
        out.addAll(ranked.subList(n, ranked.size()));
        return out;
    }

    private static FixedBitSet collect(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, MatchCollector.manager(searcher.getIndexReader().maxDoc()));
    }

    private static Query withFilter(Query text, List<Query> boosts, Query filter) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        for (Query boost : boosts) b.add(boost, BooleanClause.Occur.SHOULD);
        if (filter != null) b.add(filter, BooleanClause.Occur.FILTER);
        return b.build();
    }

    private List<Ranked> vector(IndexSearcher searcher, float[] vector, Query filter, int k) throws IOException {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(SearchFields.VECTOR, vector, k, filter), k);
        List<Ranked> out = new ArrayList<>(top.scoreDocs.length);
        double floor = Double.NEGATIVE_INFINITY;
        for (ScoreDoc sd : top.scoreDocs) {
            // Dot-product scores are (1 + cosine) / 2.
            float similarity = 2 * sd.score - 1;
            if (out.isEmpty()) floor = Math.max(minSimilarity, similarity - similarityMargin);
            if (similarity < floor) break;
            out.add(new Ranked(sd.doc, similarity));
        }
        return out;
    }

    private List<Fused> fuse(List<Ranked> lexical, List<Ranked> vector) {
        Map<Integer, double[]> byDoc = new HashMap<>();
        // [fused, lexical rank, lexical score, vector rank, similarity]
        for (int i = 0; i < lexical.size(); i++) {
            double[] f = byDoc.computeIfAbsent(lexical.get(i).doc(), d -> new double[] {0, 0, Double.NaN, 0, Double.NaN});
            f[0] += 1.0 / (rrfK + i + 1);
            f[1] = i + 1;
            f[2] = lexical.get(i).score();
        }
        for (int i = 0; i < vector.size(); i++) {
            double[] f = byDoc.computeIfAbsent(vector.get(i).doc(), d -> new double[] {0, 0, Double.NaN, 0, Double.NaN});
            f[0] += 1.0 / (rrfK + i + 1);
            f[3] = i + 1;
            f[4] = vector.get(i).score();
        }
        List<Fused> out = new ArrayList<>(byDoc.size());
        byDoc.forEach((doc, f) -> out.add(new Fused(doc, f[0], (int) f[1], (float) f[2], (int) f[3], (float) f[4])));
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : a.lexicalRank() != b.lexicalRank() ? Integer.compare(rankOrMax(a.lexicalRank()), rankOrMax(b.lexicalRank()))
                : Integer.compare(a.doc(), b.doc()));
        return out;
    }

    /** Without words there is no lexical score: the filtered products, most popular first, scored NaN. */
    private static List<Ranked> browse(IndexSearcher searcher, FixedBitSet matches, int depth) {
        return DocOrder.top(searcher, matches, SearchSort.POPULARITY, depth).stream()
                .map(r -> new Ranked(r.doc(), Float.NaN)).toList();
    }

    private static int rankOrMax(int rank) { return rank == 0 ? Integer.MAX_VALUE : rank; }


    /** Whether some segment holds vectors of this dimension (a different model's vectors are never compared). */
    static boolean hasVectors(IndexSearcher searcher, int dimension) {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(SearchFields.VECTOR);
            if (info != null && info.getVectorDimension() == dimension) return true;
        }
        return false;
    }
}
