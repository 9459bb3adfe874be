package io.aisle.search.retrieve;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scores and matches a few candidate documents (sorted doc ids) against a query, visiting only those documents:
 * the cost grows with the candidates and the query, never with the catalogue.
 */
public final class CandidateMatcher {
    private CandidateMatcher() {}

    /** Each candidate's score for {@code query}, NaN where it does not match. */
    public static float[] scores(IndexSearcher searcher, Query query, int[] docs) {
        return run(searcher, query, docs, ScoreMode.COMPLETE);
    }

    /** Whether each candidate matches {@code query}. */
    public static boolean[] matches(IndexSearcher searcher, Query query, int[] docs) {
        float[] s = run(searcher, query, docs, ScoreMode.COMPLETE_NO_SCORES);
        boolean[] out = new boolean[docs.length];
        for (int i = 0; i < docs.length; i++) out[i] = !Float.isNaN(s[i]);
        return out;
    }

    /** For each term, which candidates (by index in {@code docs}) hold it in {@code field}. */
    public static Map<String, BitSet> terms(IndexSearcher searcher, String field, Collection<String> terms, int[] docs) {
        return terms(searcher, field, terms, docs, null);
    }

    /**
     * {@link #terms(IndexSearcher, String, Collection, int[])} with each term's per-segment state from {@code states}
     * (for {@code searcher}'s reader), so a segment without the term is skipped and one with it needs no dictionary
     * seek; null seeks every term in every segment.
     */
    static Map<String, BitSet> terms(IndexSearcher searcher, String field, Collection<String> terms, int[] docs,
                                     Function<Term, TermStates> states) {
        Map<String, BitSet> out = new HashMap<>();
        for (String t : terms) out.put(t, new BitSet(docs.length));
        Map<String, TermStates> known = new HashMap<>();
        if (states != null) for (String t : terms) known.put(t, states.apply(new Term(field, t)));
        try {
            int i = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                int end = leaf.docBase + leaf.reader().maxDoc();
                int from = i;
                while (i < docs.length && docs[i] < end) i++;
                if (from == i) continue;
                Terms fieldTerms = leaf.reader().terms(field);
                if (fieldTerms == null) continue;
                TermsEnum te = fieldTerms.iterator();
                PostingsEnum postings = null;
                for (String t : terms) {
                    TermStates termStates = known.get(t);
                    if (termStates == null) {
                        if (!te.seekExact(new BytesRef(t))) continue;
                    } else {
                        IOSupplier<TermState> state = termStates.get(leaf);
                        TermState termState = state == null ? null : state.get();
                        if (termState == null) continue;
                        te.seekExact(new BytesRef(t), termState);
                    }
                    postings = te.postings(postings, PostingsEnum.NONE);
                    BitSet bits = out.get(t);
                    for (int k = from; k < i; k++) {
                        int local = docs[k] - leaf.docBase;
                        if (postings.docID() < local) postings.advance(local);
                        if (postings.docID() == local) bits.set(k);
                        if (postings.docID() == DocIdSetIterator.NO_MORE_DOCS) break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The same reader and similarity without the query cache: caching would build a bit set over the whole index for
     * a query asked about a handful of documents.
     */
    private static IndexSearcher uncached(IndexSearcher searcher) {
        IndexSearcher s = new IndexSearcher(searcher.getIndexReader());
        s.setSimilarity(searcher.getSimilarity());
        s.setQueryCache(null);
        return s;
    }

    private static float[] run(IndexSearcher searcher, Query query, int[] docs, ScoreMode mode) {
        float[] out = new float[docs.length];
        Arrays.fill(out, Float.NaN);
        if (query == null || docs.length == 0) return out;
        try {
            IndexSearcher uncached = uncached(searcher);
            Weight weight = uncached.createWeight(uncached.rewrite(query), mode, 1f);
            int i = 0;
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (LeafReaderContext leaf : leaves) {
                int end = leaf.docBase + leaf.reader().maxDoc();
                int from = i;
                while (i < docs.length && docs[i] < end) i++;
                if (from == i) continue;
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) continue;
                DocIdSetIterator it = scorer.iterator();
                for (int k = from; k < i; k++) {
                    int local = docs[k] - leaf.docBase;
                    if (it.docID() < local) it.advance(local);
                    if (it.docID() == local) out[k] = mode.needsScores() ? scorer.score() : 1f;
                    if (it.docID() == DocIdSetIterator.NO_MORE_DOCS) break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
