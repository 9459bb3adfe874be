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
 * {@link SearchFields#ALL}, most of them in longer queries ({@link #matching}). How they rank: first by that same
 * query's score, BM25 over {@link SearchFields#ALL} as a bag of words, then the head by the fielded query
 * ({@link #fielded}): per segment the best of the weighted fields (title 3, brand 2, category 2, attributes and
 * description 1, the others adding a tenth). Words the index hardly knows also match fuzzily (one
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
     * Which products match and how they rank first, in one query over {@link SearchFields#ALL} (one posting list per
     * term rather than one per term and field, each read once): the same segments and minimum to match as
     * {@link #fielded}, each scored by BM25 over that field as a bag of words, the shopper's words and single-word
     * synonyms (a little less) summed. Words of multi-word synonyms only decide matches ("memory" and "module" for
     * "ram" are common alone and would rank much): a product matching through them alone scores 0 from the segment.
     *
     * @param loose require one segment only (otherwise most, see {@link #minimumShouldMatch})
     */
    public Query matching(boolean loose) {
        if (terms.isEmpty()) return null;
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) text.add(scoredSegment(i), BooleanClause.Occur.SHOULD);
        text.setMinimumNumberShouldMatch(loose ? 1 : minimumShouldMatch(terms.size()));
        return text.build();
    }

    /** Segment {@code i}: matched as {@link FieldQueries#segment} (or fuzzily), scored as a sum of its words. */
    private Query scoredSegment(int i) {
        QueryTerms.Segment s = terms.segments().get(i);
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String word : s.original()) words.add(termQuery.apply(new Term(SearchFields.ALL, word)), BooleanClause.Occur.SHOULD);
        boolean singleWords = s.original().size() == 1;
        for (List<String> path : s.paths()) {
            if (path.size() > 1) singleWords = false;
            else if (!path.equals(s.original())) {
                words.add(new BoostQuery(termQuery.apply(new Term(SearchFields.ALL, path.get(0))), SYNONYM_WEIGHT), BooleanClause.Occur.SHOULD);
            }
        }
        if (fuzzy.get(i) != null) words.add(fuzzy.get(i), BooleanClause.Occur.SHOULD);
        // The words alone match exactly what the segment matches when every path is one of them.
        if (singleWords && s.paths().contains(s.original())) return single(words.build());
        Query matches = FieldQueries.segment(SearchFields.ALL, s, termQuery);
        if (fuzzy.get(i) != null) {
            matches = new BooleanQuery.Builder().add(matches, BooleanClause.Occur.SHOULD).add(fuzzy.get(i), BooleanClause.Occur.SHOULD).build();
        }
        return new BooleanQuery.Builder().add(matches, BooleanClause.Occur.FILTER).add(words.build(), BooleanClause.Occur.SHOULD).build();
    }

    /** The one clause of a one-clause disjunction itself. */
    private static Query single(BooleanQuery q) {
        return q.clauses().size() == 1 ? q.clauses().get(0).query() : q;
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
