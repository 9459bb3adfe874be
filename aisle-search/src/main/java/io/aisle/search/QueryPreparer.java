package io.aisle.search;

import io.aisle.core.port.Embedder;
import io.aisle.core.search.ParsedQuery;
import io.aisle.core.search.SearchMode;
import io.aisle.core.search.SearchRequest;
import io.aisle.core.validation.ValidationException;
import io.aisle.search.index.Analyzers;
import io.aisle.search.index.Keywords;
import io.aisle.search.index.SearchFields;
import io.aisle.search.query.QueryUnderstanding;
import io.aisle.search.retrieve.Constraints;
import io.aisle.search.retrieve.QueryTerms;
import io.aisle.search.retrieve.Retriever;
import io.aisle.search.retrieve.Speller;
import io.aisle.search.retrieve.ZeroResultRecovery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Parse, spelling, retrieval and zero-result recovery for one request: everything before ranking. A query with few
 * lexical matches and words the catalogue does not know is also searched corrected; the correction is searched
 * instead (and offered as "did you mean") when it matches at least as many.
 */
final class QueryPreparer {
    private static final Logger log = LoggerFactory.getLogger(QueryPreparer.class);
    private static final int MAX_BOOSTS = 12;
    /** Weight of a certain category intent next to BM25 scores (a strong title match scores about 10). */
    private static final float CATEGORY_BOOST = 2f;
    private static final float USE_CASE_BOOST = 1f;
    /** Weight of a brand or attribute value the text names. */
    private static final float NAMED_BOOST = 1f;

    private final QueryUnderstanding understanding;
    private final Embedder embedder;
    private final Analyzers analyzers;
    private final Retriever retriever;
    private final Speller speller;
    private final int fewResults;

    QueryPreparer(QueryUnderstanding understanding, Embedder embedder, Analyzers analyzers, Retriever retriever, int fewResults) {
        this.understanding = understanding;
        this.embedder = embedder;
        this.analyzers = analyzers;
        this.retriever = retriever;
        this.speller = new Speller(analyzers.spell(), analyzers.plain());
        this.fewResults = fewResults;
    }

    Prepared prepare(IndexSearcher searcher, SearchRequest request, int depth) {
        String text = request.query();
        boolean vectors = request.mode() != SearchMode.LEXICAL;
        ParsedQuery parsed = parse(text, vectors);
        // Query understanding may have corrected the spelling itself: then that correction stands.
        Prepared first = attempt(searcher, request, parsed, depth, parsed.correction());
        if (text.isBlank() || parsed.correction() != null || first.retrieval().lexicalTotal() >= fewResults) return first;
        // Vector search reads meaning, not spelling, and has no lexical count to compare.
        if (request.mode() == SearchMode.VECTOR && first.vector() != null) return first;
        String correction = speller.correct(searcher.getIndexReader(), text);
        if (correction == null || correction.equalsIgnoreCase(text)) return first;
        ParsedQuery p = parse(correction, vectors);
        ParsedQuery withCorrection = new ParsedQuery(text, p.text(), correction, p.terms(), p.brands(), p.attributes(),
                p.numeric(), p.excluded(), p.categories(), p.useCases());
        Prepared second = attempt(searcher, request, withCorrection, depth, correction);
        long matched = second.retrieval().lexicalTotal();
        return matched > 0 && matched >= first.retrieval().lexicalTotal() ? second : first;
    }

    private Prepared attempt(IndexSearcher searcher, SearchRequest request, ParsedQuery parsed, int depth, String corrected) {
        String text = parsed.text() == null ? "" : parsed.text();
        QueryTerms terms = QueryTerms.analyse(analyzers.query(), analyzers.plain(), text);
        Constraints constraints = Constraints.of(request, parsed, analyzers.plain());
        float[] vector = request.mode() == SearchMode.LEXICAL ? null : embed(text);
        List<Query> boosts = new ArrayList<>(boosts(parsed));
        boosts.addAll(constraints.boosts(NAMED_BOOST));
        ZeroResultRecovery.Outcome outcome = ZeroResultRecovery.retrieve(retriever, searcher, terms, boosts,
                constraints, request.mode(), vector, depth);
        return new Prepared(parsed, terms, constraints, Constraints.priceBounds(request, parsed), vector, outcome, corrected);
    }

    /**
     * The parse, or plain text when query understanding fails on odd input: search must still answer. Lexical-only
     * searches parse without vectors, so they run no neural inference at all.
     */
    ParsedQuery parse(String text, boolean vectors) {
        if (text.isBlank()) return ParsedQuery.plain(text, List.of());
        try {
            ParsedQuery parsed = understanding.parse(text, vectors);
            if (parsed != null) return parsed;
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("query understanding failed; searching the plain text", e);
        }
        return ParsedQuery.plain(text, QueryTerms.analyse(analyzers.plain(), text).originalTerms());
    }

    private float[] embed(String text) {
        if (embedder == null || text.isBlank()) return null;
        try {
            return embedder.embed(text);
        } catch (RuntimeException e) {
            log.warn("query embedding failed; searching lexically", e);
            return null;
        }
    }

    /** Category intents and use-case attribute values raise matching products without filtering. */
    private static List<Query> boosts(ParsedQuery parsed) {
        List<Query> out = new ArrayList<>();
        for (ParsedQuery.CategoryIntent c : parsed.categories()) {
            if (c.path().isEmpty() || !(c.confidence() > 0)) continue;
            Query q = new TermQuery(new Term(SearchFields.CATEGORY_PATH, Keywords.of(String.join(" > ", c.path()))));
            out.add(new BoostQuery(new ConstantScoreQuery(q), CATEGORY_BOOST * (float) Math.min(1, c.confidence())));
        }
        for (ParsedQuery.UseCase u : parsed.useCases()) {
            for (ParsedQuery.AttributeConstraint a : u.suggests()) {
                if (a.values().isEmpty() || !(u.similarity() > 0)) continue;
                BooleanQuery.Builder any = new BooleanQuery.Builder();
                for (String v : a.values()) {
                    any.add(new TermQuery(new Term(SearchFields.FACET_ATTRIBUTE_PREFIX + Keywords.attribute(a.attribute()),
                            Keywords.of(v))), BooleanClause.Occur.SHOULD);
                }
                out.add(new BoostQuery(new ConstantScoreQuery(any.build()), USE_CASE_BOOST * (float) Math.min(1, u.similarity())));
            }
        }
        return out.size() <= MAX_BOOSTS ? out : out.subList(0, MAX_BOOSTS);
    }
}
