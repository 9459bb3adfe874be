package io.aisle.search.retrieve;

import io.aisle.search.index.SearchFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The BM25 text queries of one query against one searcher. Which products match: the query's segments in
 * {@link SearchFields#ALL}, most of them in longer queries ({@link #matching}). How they rank: first by BM25 over
 * {@link SearchFields#ALL} as a bag of words ({@link #ranking}, fast to score with skipping), then the head by the
 * fielded query ({@link #fielded}): per segment the best of the weighted fields (title 3, brand 2, category 2,
 * attributes and description 1, the others adding a tenth). Words the index hardly knows also match fuzzily (one
 * edit for 4 to 7 letters, two for longer), at low weight; each fuzzy expansion is computed once per query.
 */
public final class LexicalQuery {
    /** Searched text fields and their weights. */
    public static final Map<String, Float> FIELDS = fields();
    private static final float TIE_BREAKER = 0.1f;
    private static final float FUZZY_WEIGHT = 0.3f;
    private static final float SYNONYM_WEIGHT = 0.8f;
    private static final int FUZZY_MIN_LENGTH = 4;
    /** No real word is longer; junk this long would only build a large automaton. */
    private static final int FUZZY_MAX_LENGTH = 40;
    private static final int FUZZY_MAX_EXPANSIONS = 16;
    /** Words (and their one-word synonyms) seen in fewer products than this get a fuzzy alternative: likely misspelt. */
    private static final int RARE = 2;

    private final QueryTerms terms;
    /** Term queries sharing dictionary lookups with earlier queries on the same reader. */
    private final Function<Term, Query> termQuery;
    /** Per segment, its rewritten fuzzy alternative or null. */
    private final List<Query> fuzzy;

    public LexicalQuery(QueryTerms terms, IndexSearcher searcher) { this(terms, searcher, new TermLookups()); }

    /** With term lookups taken from (and added to) {@code lookups}, which must see only this index. */
    LexicalQuery(QueryTerms terms, IndexSearcher searcher, TermLookups lookups) {
        this.terms = terms;
        this.termQuery = lookups.termQueries(searcher);
        List<Query> f = new ArrayList<>(terms.size());
        for (QueryTerms.Segment s : terms.segments()) f.add(fuzzy(s, searcher, lookups));
        this.fuzzy = Collections.unmodifiableList(f);
    }

    /**
     * The fielded BM25 query, or null when there are no terms.
     *
     * @param loose require one segment only (otherwise most, see {@link #minimumShouldMatch})
     */
    public Query fielded(boolean loose) {
        if (terms.isEmpty()) return null;
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            List<Query> perField = new ArrayList<>(FIELDS.size() + 1);
            QueryTerms.Segment s = terms.segments().get(i);
            FIELDS.forEach((field, weight) -> perField.add(new BoostQuery(FieldQueries.segment(field, s, termQuery), weight)));
            if (fuzzy.get(i) != null) perField.add(fuzzy.get(i));
            text.add(new DisjunctionMaxQuery(perField, TIE_BREAKER), BooleanClause.Occur.SHOULD);
        }
        text.setMinimumNumberShouldMatch(loose ? 1 : minimumShouldMatch(terms.size()));
        return text.build();
    }

    /**
     * The same segments and minimum to match, in {@link SearchFields#ALL} only: which products match, not how well
     * (one posting list per term instead of one per term and field).
     */
    public Query matching(boolean loose) {
        if (terms.isEmpty()) return null;
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            Query inAll = FieldQueries.segment(SearchFields.ALL, terms.segments().get(i), termQuery);
            Query f = fuzzy.get(i);
            text.add(f == null ? inAll : new BooleanQuery.Builder()
                    .add(inAll, BooleanClause.Occur.SHOULD).add(f, BooleanClause.Occur.SHOULD).build(), BooleanClause.Occur.SHOULD);
        }
        text.setMinimumNumberShouldMatch(loose ? 1 : minimumShouldMatch(terms.size()));
        return text.build();
    }

    /**
     * The shopper's words in {@link SearchFields#ALL} as a flat disjunction of term queries, the fastest shape for
     * Lucene to score while skipping documents that cannot reach the top; single-word synonyms count a little less.
     * Words of multi-word synonyms are left out ("memory" and "module" for "ram" are common alone and would cost
     * much): the match set still honours them.
     */
    public Query ranking() {
        if (terms.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            QueryTerms.Segment s = terms.segments().get(i);
            for (String word : s.original()) b.add(termQuery.apply(new Term(SearchFields.ALL, word)), BooleanClause.Occur.SHOULD);
            for (List<String> path : s.paths()) {
                if (path.size() == 1 && !path.equals(s.original())) {
                    b.add(new BoostQuery(termQuery.apply(new Term(SearchFields.ALL, path.get(0))), SYNONYM_WEIGHT), BooleanClause.Occur.SHOULD);
                }
            }
            if (fuzzy.get(i) != null) b.add(fuzzy.get(i), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** All of one or two segments; one may be missing from three to five; 60% of longer queries. */
    static int minimumShouldMatch(int segments) {
        if (segments <= 2) return segments;
        if (segments <= 5) return segments - 1;
        return (int) Math.ceil(0.6 * segments);
    }

    private static Query fuzzy(QueryTerms.Segment s, IndexSearcher searcher, TermLookups lookups) {
        if (s.original().size() != 1) return null;
        String word = s.original().get(0);
        if (word.length() < FUZZY_MIN_LENGTH || word.length() > FUZZY_MAX_LENGTH || !word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        // Known as written or through a one-word synonym ("notebook" with "laptop"): no typo to forgive.
        for (List<String> path : s.paths()) {
            if (path.size() == 1 && lookups.docFreq(searcher, new Term(SearchFields.ALL, path.get(0))) >= RARE) return null;
        }
        int edits = word.length() <= 7 ? 1 : 2;
        Query q = new FuzzyQuery(new Term(SearchFields.ALL, word), edits, 1, FUZZY_MAX_EXPANSIONS, true);
        return new BoostQuery(lookups.fuzzy(searcher, word, edits, q), FUZZY_WEIGHT);
    }

    private static Map<String, Float> fields() {
        Map<String, Float> m = new LinkedHashMap<>();
        m.put(SearchFields.TITLE, 3f);
        m.put(SearchFields.BRAND, 2f);
        m.put(SearchFields.CATEGORY, 2f);
        m.put(SearchFields.ATTRIBUTES, 1f);
        m.put(SearchFields.DESCRIPTION, 1f);
        return Collections.unmodifiableMap(m);
    }
}
