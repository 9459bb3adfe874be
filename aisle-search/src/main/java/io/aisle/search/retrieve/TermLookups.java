package io.aisle.search.retrieve;

import io.aisle.search.index.PerReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What query terms look up in the term dictionary, remembered while the index reader stays the same: each term's
 * per-segment state and statistics, and each rewritten fuzzy expansion. Without it every query seeks every term
 * in every segment once per field and per query built from it (match set, ranking, re-score), and rebuilds the
 * Levenshtein automaton of each misspelt word; shoppers' words repeat, so most lookups are hits. Entries hold state of
 * their reader and are only ever used with it: a search on a newer reader starts a new generation. Thread-safe;
 * bounded (past {@link #MAX_ENTRIES} a generation starts over rather than tracking recency).
 */
final class TermLookups {
    private static final int MAX_ENTRIES = 20_000;

    /** Lookups of one reader. */
    private record Generation(Map<Term, TermStates> states, Map<String, Query> fuzzy) {
        Generation() { this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>()); }
    }

    private final PerReader<Generation> current = new PerReader<>(Generation::new);

    /** Term queries for {@code searcher} whose dictionary lookups are shared with earlier queries on its reader. */
    Function<Term, Query> termQueries(IndexSearcher searcher) {
        Generation g = current.of(searcher);
        if (g == null) return TermQuery::new;
        return term -> new TermQuery(term, states(searcher, g, term));
    }

    private static TermStates states(IndexSearcher searcher, Generation g, Term term) {
        TermStates states = g.states().get(term);
        if (states == null) {
            if (g.states().size() >= MAX_ENTRIES) g.states().clear();
            states = build(searcher, term);
            g.states().putIfAbsent(term, states);
        }
        return states;
    }

    /** Each term's per-segment state and statistics in {@code searcher}, shared with earlier queries on its reader. */
    Function<Term, TermStates> states(IndexSearcher searcher) {
        Generation g = current.of(searcher);
        if (g == null) return term -> build(searcher, term);
        return term -> states(searcher, g, term);
    }

    /** How many documents of the searcher's reader hold {@code term} (deleted ones included, as {@code docFreq}). */
    int docFreq(IndexSearcher searcher, Term term) {
        Generation g = current.of(searcher);
        if (g == null) return build(searcher, term).docFreq();
        return states(searcher, g, term).docFreq();
    }

    /** {@code query}, a fuzzy query of {@code word}, rewritten against {@code searcher}; from the cache when it can. */
    Query fuzzy(IndexSearcher searcher, String word, int edits, Query query) {
        Generation g = current.of(searcher);
        if (g == null) return rewrite(searcher, query);
        String key = edits + ":" + word;
        Query cached = g.fuzzy().get(key);
        if (cached != null) return cached;
        Query rewritten = rewrite(searcher, query);
        if (g.fuzzy().size() >= MAX_ENTRIES) g.fuzzy().clear();
        g.fuzzy().putIfAbsent(key, rewritten);
        return rewritten;
    }

    private static TermStates build(IndexSearcher searcher, Term term) {
        try {
            // With statistics, every segment is looked up now; reading the result later changes nothing.
            return TermStates.build(searcher, term, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query rewrite(IndexSearcher searcher, Query query) {
        try {
            return searcher.rewrite(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
