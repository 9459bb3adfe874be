package io.aisle.search.retrieve;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Analysed query text as a sequence of segments, one per query word or multi-word synonym span; each segment lists
 * its alternative term paths ("tv": [tv], [television], [telly]). Built from analysed tokens only: query syntax is
 * never interpreted, so "title:foo AND (" is just the words title and foo.
 *
 * @param segments at most {@link #MAX_SEGMENTS}; later words are ignored (it keeps queries within Lucene's clause limit)
 */
public record QueryTerms(List<Segment> segments) {
    /** Most segments kept from one query. */
    public static final int MAX_SEGMENTS = 16;
    /** Most terms over all paths of one segment. */
    private static final int MAX_SEGMENT_TERMS = 8;

    public QueryTerms { segments = List.copyOf(segments); }

    public static QueryTerms none() { return new QueryTerms(List.of()); }

    /**
     * One query position or synonym span.
     *
     * @param original the terms as the shopper wrote them (analysed)
     * @param paths    every alternative, the original first
     */
    public record Segment(List<String> original, List<List<String>> paths) {
        public Segment {
            original = List.copyOf(original);
            paths = paths.stream().map(List::copyOf).toList();
        }

        /** The original words, space separated: how explanations name the segment. */
        public String display() { return String.join(" ", original); }

        /** Every distinct term over all paths. */
        public Set<String> terms() {
            Set<String> out = new LinkedHashSet<>();
            paths.forEach(out::addAll);
            return out;
        }
    }

    public boolean isEmpty() { return segments.isEmpty(); }

    public int size() { return segments.size(); }

    /** The original terms of every segment, in order. */
    public List<String> originalTerms() {
        List<String> out = new ArrayList<>();
        for (Segment s : segments) out.addAll(s.original());
        return out;
    }

    /** {@code text} analysed by {@code analyzer}, without synonyms: each segment's first path is its original. */
    public static QueryTerms analyse(Analyzer analyzer, String text) { return analyse(analyzer, null, text); }

    /**
     * {@code text} analysed by {@code analyzer}, which may expand synonyms into a token graph; {@code plain}, the same
     * analysis without synonyms, tells which path of each segment the shopper wrote (synonym rules re-emit the
     * original among the synonyms, so the tokens themselves do not say).
     */
    public static QueryTerms analyse(Analyzer analyzer, Analyzer plain, String text) {
        if (text == null || text.isBlank()) return none();
        try (TokenStream source = analyzer.tokenStream("query", text); CachingTokenFilter ts = new CachingTokenFilter(source)) {
            ts.reset();
            boolean any = ts.incrementToken();
            ts.end();
            if (!any) return none();
            // The graph resets (here: rewinds), reads and ends the stream itself.
            GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(ts);
            List<Segment> segments = segments(graph);
            List<Segment> marked = plain == null ? segments : withOriginals(segments, words(plain, text));
            return new QueryTerms(marked.stream().map(QueryTerms::pruned).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Without alternatives that contain another alternative's terms ("laptop computer" next to "laptop"): they match
     * nothing more and cost a conjunction per field. The original always stays.
     */
    private static Segment pruned(Segment s) {
        List<List<String>> kept = new ArrayList<>();
        for (List<String> path : s.paths()) {
            boolean redundant = !path.equals(s.original()) && s.paths().stream()
                    .anyMatch(other -> other != path && other.size() < path.size() && path.containsAll(other));
            if (!redundant) kept.add(path);
        }
        return new Segment(s.original(), kept);
    }

    /** Marks as original the path that continues the plain words where the previous segment stopped. */
    private static List<Segment> withOriginals(List<Segment> segments, List<String> words) {
        List<Segment> out = new ArrayList<>(segments.size());
        int cursor = 0;
        for (Segment s : segments) {
            List<String> best = null;
            for (List<String> path : s.paths()) {
                boolean continues = cursor + path.size() <= words.size() && words.subList(cursor, cursor + path.size()).equals(path);
                if (continues && (best == null || path.size() > best.size())) best = path;
            }
            if (best == null) {
                out.add(s);
                continue;
            }
            cursor += best.size();
            List<List<String>> paths = new ArrayList<>(s.paths());
            paths.remove(best);
            paths.add(0, best);
            out.add(new Segment(best, paths));
        }
        return out;
    }

    private static List<String> words(Analyzer plain, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = plain.tokenStream("query", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return out;
    }

    private static List<Segment> segments(GraphTokenStreamFiniteStrings graph) throws IOException {
        List<Segment> out = new ArrayList<>();
        int[] points = graph.articulationPoints();
        int start = 0;
        for (int i = 0; i <= points.length && out.size() < MAX_SEGMENTS; i++) {
            int end = i < points.length ? points[i] : -1;
            Segment s = graph.hasSidePath(start) ? sidePaths(graph.getFiniteStrings(start, end)) : stacked(graph.getTerms(start));
            if (s != null) out.add(s);
            start = end;
        }
        return out;
    }

    /** Several single-term alternatives at one position. */
    private static Segment stacked(List<AttributeSource> tokens) {
        List<List<String>> paths = new ArrayList<>();
        List<String> original = null;
        for (AttributeSource token : tokens) {
            String term = token.getAttribute(CharTermAttribute.class).toString();
            if (term.isEmpty() || paths.contains(List.of(term)) || paths.size() >= MAX_SEGMENT_TERMS) continue;
            if (original == null && !isSynonym(token)) {
                original = List.of(term);
                paths.add(0, original);
            } else {
                paths.add(List.of(term));
            }
        }
        if (paths.isEmpty()) return null;
        return new Segment(original == null ? paths.get(0) : original, paths);
    }

    /** Alternative multi-term spans, as from the synonym "cell phone, smartphone". */
    private static Segment sidePaths(Iterator<TokenStream> strings) throws IOException {
        List<List<String>> paths = new ArrayList<>();
        List<String> original = null;
        int terms = 0;
        while (strings.hasNext()) {
            TokenStream ts = strings.next();
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            List<String> path = new ArrayList<>();
            boolean synonym = false;
            ts.reset();
            while (ts.incrementToken()) {
                path.add(term.toString());
                synonym |= SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
            }
            ts.end();
            if (path.isEmpty() || paths.contains(path) || terms + path.size() > MAX_SEGMENT_TERMS) continue;
            terms += path.size();
            if (original == null && !synonym) {
                original = path;
                paths.add(0, path);
            } else {
                paths.add(path);
            }
        }
        if (paths.isEmpty()) return null;
        return new Segment(original == null ? paths.get(0) : original, paths);
    }

    private static boolean isSynonym(AttributeSource token) {
        return token.hasAttribute(TypeAttribute.class)
                && SynonymGraphFilter.TYPE_SYNONYM.equals(token.getAttribute(TypeAttribute.class).type());
    }
}
