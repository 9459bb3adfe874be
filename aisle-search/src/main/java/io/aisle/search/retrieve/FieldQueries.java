package io.aisle.search.retrieve;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lucene queries for analysed query terms in one field. */
public final class FieldQueries {
    private FieldQueries() {}

    /**
     * A segment in {@code field}: one term, single-term synonyms blended as one term (so a synonym does not count
     * twice), or the best of the alternative paths, a multi-term path needing all its terms.
     */
    public static Query segment(String field, QueryTerms.Segment segment) { return segment(field, segment, TermQuery::new); }

    /** {@link #segment(String, QueryTerms.Segment)} with single terms queried by {@code termQuery}. */
    static Query segment(String field, QueryTerms.Segment segment, Function<Term, Query> termQuery) {
        List<List<String>> paths = segment.paths();
        if (paths.stream().allMatch(p -> p.size() == 1)) {
            if (paths.size() == 1) return termQuery.apply(new Term(field, paths.get(0).get(0)));
            SynonymQuery.Builder b = new SynonymQuery.Builder(field);
            for (List<String> p : paths) b.addTerm(new Term(field, p.get(0)));
            return b.build();
        }
        List<Query> alternatives = new ArrayList<>(paths.size());
        for (List<String> path : paths) alternatives.add(all(field, path, termQuery));
        return new DisjunctionMaxQuery(alternatives, 0f);
    }

    /** Any segment in {@code field}, scores summed: the field's BM25 score for the query; null when no terms. */
    public static Query field(String field, QueryTerms terms) {
        if (terms.isEmpty()) return null;
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (QueryTerms.Segment s : terms.segments()) b.add(segment(field, s), BooleanClause.Occur.SHOULD);
        return b.build();
    }

    /** The original terms in order, at most one other word between neighbours; null when no terms. */
    public static Query phrase(String field, QueryTerms terms) {
        List<String> words = terms.originalTerms();
        if (words.isEmpty()) return null;
        if (words.size() == 1) return new TermQuery(new Term(field, words.get(0)));
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(1);
        for (String w : words) b.add(new Term(field, w));
        return b.build();
    }

    /** All of {@code words} in {@code field}. */
    public static Query all(String field, List<String> words) { return all(field, words, TermQuery::new); }

    private static Query all(String field, List<String> words, Function<Term, Query> termQuery) {
        if (words.size() == 1) return termQuery.apply(new Term(field, words.get(0)));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : words) b.add(termQuery.apply(new Term(field, w)), BooleanClause.Occur.MUST);
        return b.build();
    }
}
